import Audio
import Foundation
import Providers
import Speech
import Testing
@testable import Supervisor
import SwitchboardCore

/// The text-to-speech routes of the cloud providers other than OpenAI, over real sockets.
/// Each answers with the clip espeak-ng makes of the text: the same length (espeak-ng is not
/// bit-exact from run to run, so within 10 %) and speech-loud, where another text differs.
extension MockProvidersTests {
    static let sentence = "Thanks for calling, how can I help you today?"

    func clip(_ format: SpeechFormat, text: String = sentence) async throws -> [UInt8] {
        try await EspeakSynthesizer.shared.synthesize(SpeechRequest(text: text, format: format)).audio
    }

    /// `body` is speech like `reference` (both in `format`): a Bool, so a failure prints no bytes.
    func sameSpeech(_ body: [UInt8], _ reference: [UInt8], _ format: SpeechFormat) -> Bool {
        let samples = format.codec == .mulaw ? MuLaw.decode(body) : PCM16.samples(body)
        return !reference.isEmpty && abs(body.count - reference.count) * 10 <= reference.count
            && body.count % format.codec.bytesPerSample == 0 && (PCM16.rmsDBFS(samples) ?? -120) > -35
    }

    func post(_ url: String, _ headers: [(name: String, value: String)], _ body: String) async throws -> (status: Int, body: [UInt8], response: HTTPResponse) {
        let response = try await http.execute(HTTPRequest(method: "POST", url: url, headers: headers, body: Array(body.utf8)))
        return (response.status, try await response.body.collect(), response)
    }

    @Test func auraSpeaksWithTokenAuth() async throws {
        try await withMock { base in
            let url = base + "/v1/speak?model=aura-2-thalia-en&encoding=mulaw&sample_rate=8000&container=none"
            let body = #"{"text":"\#(Self.sentence)"}"#
            #expect(try await post(url, [], body).status == 401)
            #expect(try await post(url, [("Authorization", "Key abc")], body).status == 401)
            let spoken = try await post(url, [("Authorization", "Token abc")], body)
            #expect(spoken.status == 200)
            #expect(sameSpeech(spoken.body, try await clip(.telephone), .telephone))
            #expect((2000...4000).contains(spoken.body.count / 8), "\(spoken.body.count / 8) ms")
            #expect(PCM16.rmsDBFS(MuLaw.decode(spoken.body))! > -35)
            #expect(spoken.response.header("dg-model-name") == "aura-2-thalia-en")
            let wav = try await post(base + "/v1/speak?encoding=linear16&sample_rate=16000", [("Authorization", "Token abc")], body)
            #expect(Array(wav.body.prefix(4)) == Array("RIFF".utf8))
            #expect(sameSpeech(Array(wav.body.dropFirst(44)), try await clip(.init(codec: .pcm16, rate: 16000)), .init(codec: .pcm16, rate: 16000)))
            let bad = try await post(base + "/v1/speak?encoding=mulaw&sample_rate=44100", [("Authorization", "Token abc")], body)
            #expect(bad.status == 400)
            #expect(try JSONParser.parse(bad.body).object?["err_code"] == "INVALID_QUERY_PARAMETER")
        }
    }

    @Test func elevenLabsStreamsULawWithItsKeyHeader() async throws {
        try await withMock { base in
            let url = base + "/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM/stream?output_format=ulaw_8000"
            let body = #"{"text":"\#(Self.sentence)","model_id":"eleven_turbo_v2_5","voice_settings":{"stability":0.5,"speed":1.0}}"#
            let refused = try await post(url, [("Authorization", "Bearer k")], body)
            #expect(refused.status == 401)
            #expect(try JSONParser.parse(refused.body).object?["detail"]?.object?["status"] == "invalid_api_key")
            let spoken = try await post(url, [("xi-api-key", "k")], body)
            #expect(spoken.status == 200)
            #expect(sameSpeech(spoken.body, try await clip(.telephone), .telephone))
            let pcm = try await post(base + "/v1/text-to-speech/v/stream?output_format=pcm_16000", [("xi-api-key", "k")], body)
            #expect(sameSpeech(pcm.body, try await clip(.init(codec: .pcm16, rate: 16000)), .init(codec: .pcm16, rate: 16000)))
            #expect(sameSpeech(try await post(base + "/v1/text-to-speech/v?output_format=ulaw_8000", [("xi-api-key", "k")], body).body, spoken.body, .telephone))
            let short = try await post(url, [("xi-api-key", "k")], #"{"text":"Hi."}"#)
            #expect(short.body.count * 3 < spoken.body.count)
            #expect(try await post(base + "/v1/text-to-speech/v/stream", [("xi-api-key", "k")], body).status == 422)
            #expect(try await post(url, [("xi-api-key", "k")], #"{"text":""}"#).status == 422)
        }
    }

    @Test func azureSpeaksTheSSMLText() async throws {
        try await withMock { base in
            let url = base + "/cognitiveservices/v1"
            let ssml = "<speak version='1.0' xml:lang='en-US'>\n  <voice xml:lang='en-US' name='en-US-JennyNeural'>\n    Fish &amp; chips, please.\n  </voice>\n</speak>"
            let headers: [(name: String, value: String)] = [("Content-Type", "application/ssml+xml"),
                ("X-Microsoft-OutputFormat", "raw-8khz-8bit-mono-mulaw"), ("User-Agent", "switchboard-test")]
            #expect(try await post(url, headers, ssml).status == 401)
            let spoken = try await post(url, headers + [("Ocp-Apim-Subscription-Key", "k")], ssml)
            #expect(spoken.status == 200)
            #expect(sameSpeech(spoken.body, try await clip(.telephone, text: "Fish & chips, please."), .telephone))
            #expect(try await post(url, headers + [("Authorization", "Bearer token")], ssml).status == 200)
            let riff = try await post(url, [("Content-Type", "application/ssml+xml"), ("X-Microsoft-OutputFormat", "riff-16khz-16bit-mono-pcm"),
                ("Ocp-Apim-Subscription-Key", "k")], ssml)
            #expect(Array(riff.body.prefix(4)) == Array("RIFF".utf8))
            #expect(sameSpeech(Array(riff.body.dropFirst(44)), try await clip(.init(codec: .pcm16, rate: 16000), text: "Fish & chips, please."), .init(codec: .pcm16, rate: 16000)))
            let keyed = [("Ocp-Apim-Subscription-Key", "k")]
            #expect(try await post(url, keyed + [("Content-Type", "text/plain"), ("X-Microsoft-OutputFormat", "raw-8khz-8bit-mono-mulaw")], ssml).status == 415)
            #expect(try await post(url, keyed + [("Content-Type", "application/ssml+xml")], ssml).status == 400)
            #expect(try await post(url, keyed + [("Content-Type", "application/ssml+xml"), ("X-Microsoft-OutputFormat", "audio-16khz-32kbitrate-mono-mp3")], ssml).status == 400)
        }
    }

    @Test func cartesiaSpeaksWithVersionAndBearer() async throws {
        try await withMock({ $0.faults[.cartesia] = faults { $0.rateLimit = 1; $0.retryAfterSeconds = 2 } }) { base in
            let refused = try await post(base + "/tts/bytes", [("Cartesia-Version", "2025-04-16"), ("Authorization", "Bearer k")], #"{"model_id":"sonic-2","transcript":"Hi.","voice":{"mode":"id","id":"v"},"output_format":{"container":"raw","encoding":"pcm_mulaw","sample_rate":8000}}"#)
            #expect(refused.status == 429)
            #expect(refused.response.header("Retry-After") == "2")
        }
        try await withMock { base in
            let url = base + "/tts/bytes"
            func body(_ outputFormat: String) -> String {
                #"{"model_id":"sonic-2","transcript":"\#(Self.sentence)","voice":{"mode":"id","id":"694f9389-aac1-45b6-b726-9d9369183238"},"output_format":\#(outputFormat),"language":"en"}"#
            }
            let mulaw = body(#"{"container":"raw","encoding":"pcm_mulaw","sample_rate":8000}"#)
            let keyed: [(name: String, value: String)] = [("Cartesia-Version", "2025-04-16"), ("Authorization", "Bearer k"), ("Content-Type", "application/json")]
            let unversioned = try await post(url, [("Authorization", "Bearer k")], mulaw)
            #expect(unversioned.status == 400)
            #expect(try JSONParser.parse(unversioned.body).object?["error_code"] == "invalid_request")
            #expect(try await post(url, [("Cartesia-Version", "2025-04-16"), ("X-API-Key", "k")], mulaw).status == 401)
            let spoken = try await post(url, keyed, mulaw)
            #expect(spoken.status == 200)
            #expect(sameSpeech(spoken.body, try await clip(.telephone), .telephone))
            let wav = try await post(url, keyed, body(#"{"container":"wav","encoding":"pcm_s16le","sample_rate":16000}"#))
            #expect(Array(wav.body.prefix(4)) == Array("RIFF".utf8))
            #expect(sameSpeech(Array(wav.body.dropFirst(44)), try await clip(.init(codec: .pcm16, rate: 16000)), .init(codec: .pcm16, rate: 16000)))
            let float = try await post(url, keyed, body(#"{"container":"raw","encoding":"pcm_f32le","sample_rate":16000}"#))
            #expect(float.status == 400)
            #expect(try JSONParser.parse(float.body).object?["message"] == "the mock serves encoding pcm_mulaw or pcm_s16le, not pcm_f32le")
            #expect(try await post(url, keyed, body(#"{"container":"raw","encoding":"pcm_mulaw","sample_rate":11025}"#)).status == 400)
            #expect(try await post(url, keyed, #"{"model_id":"sonic-2","transcript":"Hi.","voice":{"mode":"embedding"}}"#).status == 400)
            let stats = try JSONParser.parse(try await http.execute(HTTPRequest(url: base + "/mock/stats")).body.collect())
            #expect(stats.object?["routes"]?.object?["cartesia"]?.object?["ok"] == 2)
        }
    }

    @Test func ssmlTextDropsTagsAndDecodesEntities() {
        #expect(SSMLText.text(of: "<speak><voice name='a'><prosody rate='fast'>Tom &amp; Jerry</prosody><break time='200ms'/>say &quot;hi&quot; &#233;t&#xE9;</voice></speak>")
            == "Tom & Jerry say \"hi\" été")
        #expect(SSMLText.text(of: "AT&T <b>") == nil)
        #expect(SSMLText.decodeEntities("fish & chips &unknown; &lt;") == "fish & chips &unknown; <")
    }

    /// The route faults apply as on the other routes: injected statuses, and a paced body that
    /// arrives piece by piece.
    @Test func speechRouteFaultsAndStreaming() async throws {
        try await withMock({
            $0.faults[.aura] = faults { $0.serverError = 1 }
            $0.faults[.elevenlabs] = faults { $0.rateLimit = 1; $0.retryAfterSeconds = 4 }
            $0.faults[.azure] = faults { $0.ttfbMs = 100; $0.tokensPerSecond = 20 }
        }) { base in
            let aura = try await post(base + "/v1/speak?encoding=mulaw&sample_rate=8000&container=none", [("Authorization", "Token k")], #"{"text":"Hi there."}"#)
            #expect(aura.status == 500)
            let eleven = try await post(base + "/v1/text-to-speech/v/stream?output_format=ulaw_8000", [("xi-api-key", "k")], #"{"text":"Hi there."}"#)
            #expect(eleven.status == 429)
            #expect(eleven.response.header("Retry-After") == "4")
            let start = ContinuousClock.now
            let response = try await http.execute(HTTPRequest(method: "POST", url: base + "/cognitiveservices/v1",
                headers: [("Content-Type", "application/ssml+xml"), ("X-Microsoft-OutputFormat", "raw-8khz-8bit-mono-mulaw"), ("Ocp-Apim-Subscription-Key", "k")],
                body: Array("<speak><voice name='x'>\(Self.sentence)</voice></speak>".utf8)))
            var first: Duration?
            var bytes = 0
            for try await piece in response.body {
                first = first ?? ContinuousClock.now - start
                bytes += piece.count
            }
            let total = ContinuousClock.now - start
            // About 2.6 s of audio in 100 ms chunks, one every 50 ms: over a second in all,
            // the first piece within the first few hundred milliseconds.
            #expect(bytes / 800 >= 20)
            #expect(total >= .milliseconds(100 + 50 * (bytes / 800 - 1)))
            #expect(try #require(first) < total / 2, "first \(first!) of \(total)")
            let stats = try JSONParser.parse(try await http.execute(HTTPRequest(url: base + "/mock/stats")).body.collect())
            #expect(stats.object?["routes"]?.object?["aura"]?.object?["server_error"] == 1)
            #expect(stats.object?["routes"]?.object?["azure"]?.object?["ok"] == 1)
        }
    }
}
