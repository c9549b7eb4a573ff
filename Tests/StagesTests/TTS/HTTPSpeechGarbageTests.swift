import Audio
import Foundation
import Providers
import Speech
@testable import Stages
import SwitchboardCore
import Testing

/// What each engine sends, and what it makes of a provider that answers 200 with something
/// other than the audio it asked for: a canned server on 127.0.0.1 plays the provider.
@Suite(.serialized) struct HTTPSpeechGarbageTests {
    let engines = HTTPSpeechEnginesTests()

    /// A RIFF/WAVE header (PCM, or µ-law as format 7) for `dataBytes` of `format`.
    static func wav(_ format: SpeechFormat, dataBytes: Int) -> [UInt8] {
        func le(_ value: Int, _ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let bytesPerSample = format.codec.bytesPerSample
        return Array("RIFF".utf8) + le(36 + dataBytes, 4) + Array("WAVEfmt ".utf8) + le(16, 4) + le(format.codec == .mulaw ? 7 : 1, 2)
            + le(1, 2) + le(format.rate, 4) + le(format.bytesPerSecond, 4) + le(bytesPerSample, 2) + le(8 * bytesPerSample, 2)
            + Array("data".utf8) + le(dataBytes, 4)
    }

    /// 100 ms of a 400 Hz tone in `format`.
    static func tone(_ format: SpeechFormat) -> [UInt8] {
        let samples = (0..<format.rate / 10).map { Int16(8000 * sin(2 * Double.pi * 400 * Double($0) / Double(format.rate))) }
        return format.codec == .mulaw ? MuLaw.encode(samples) : PCM16.bytes(samples)
    }

    /// `name`'s engine against a server answering 200 with `headers` and `body`: its error.
    func refusal(_ name: String, _ headers: [String: String], _ body: [UInt8], format: SpeechFormat = .telephone) async throws -> ProviderError? {
        let server = try CannedHTTPServer(headers: headers, body: body)
        defer { server.shutdown() }
        return await engines.refusal(engines.engine(name, server.url), format: format)
    }

    @Test(arguments: HTTPSpeechEnginesTests.engines) func documentsInsteadOfAudioAreRefused(_ name: String) async throws {
        let json = try #require(await refusal(name, ["Content-Type": "application/json"], Array(#"{"error":"quota exceeded"}"#.utf8)))
        #expect(json.kind == .protocolError)
        #expect(json.message == #"\#(name): answered 200 with JSON (Content-Type application/json) instead of audio: {"error":"quota exceeded"}"#)
        let html = try #require(await refusal(name, ["Content-Type": "text/html; charset=utf-8"], Array("<html>Gateway</html>".utf8)))
        #expect(html.message.hasPrefix("\(name): answered 200 with HTML"), "\(html)")
        let empty = try #require(await refusal(name, ["Content-Type": "audio/basic"], []))
        #expect(empty.message == "\(name): answered 200 with no audio (an empty body)")
    }

    /// A WAV at 16 kHz when raw µ-law at 8 kHz (or OpenAI's 24 kHz pcm) was asked for.
    @Test(arguments: HTTPSpeechEnginesTests.engines) func wavOfAnotherFormatIsRefused(_ name: String) async throws {
        let wide = SpeechFormat(codec: .pcm16, rate: 16000)
        let error = try #require(await refusal(name, ["Content-Type": "audio/wav"], Self.wav(wide, dataBytes: 3200) + Self.tone(wide)))
        #expect(error.kind == .protocolError)
        let asked = name == "openai" ? "pcm16 at 24000 Hz" : "mulaw at 8000 Hz"
        #expect(error.message == "\(name): sent a WAV file (pcm16 at 16000 Hz) when raw \(asked) was asked")
    }

    /// A WAV of exactly what was asked loses its header and plays.
    @Test func wavOfTheAskedFormatLosesItsHeader() async throws {
        let tone = Self.tone(.telephone)
        let server = try CannedHTTPServer(headers: ["Content-Type": "audio/wav"], body: Self.wav(.telephone, dataBytes: tone.count) + tone)
        defer { server.shutdown() }
        #expect(try await engines.audio(engines.engine("elevenlabs", server.url).synthesize("Hi.", format: .telephone, group: nil)) == tone)
    }

    /// An odd length shows only at the end, so the stream throws after the audio before it.
    @Test func oddLengthPCMIsRefused() async throws {
        let pcm = SpeechFormat(codec: .pcm16, rate: 24000)
        let server = try CannedHTTPServer(headers: ["Content-Type": "audio/pcm"], body: Self.tone(pcm) + [0])
        defer { server.shutdown() }
        let stream = try await engines.engine("openai", server.url).synthesize("Hi.", format: pcm, group: nil)
        var bytes = 0
        do {
            for try await chunk in stream { bytes += chunk.audio.count }
            Issue.record("no error")
        } catch let error as ProviderError {
            #expect(error.kind == .protocolError)
            #expect(error.message == "openai: sent 4801 bytes of pcm16 at 24000 Hz: not a whole number of 16-bit samples")
        }
        #expect(bytes == 4800)
    }

    /// Each request as its provider's reference gives it (tts-providers.md, deepgram-live.md
    /// §6, openai-compatible.md §4), for Twilio's format and for 16 kHz pcm.
    @Test func requestsSpeakEachProvidersWireFormat() async throws {
        let server = try CannedHTTPServer(headers: ["Content-Type": "application/octet-stream"], body: Self.tone(.init(codec: .pcm16, rate: 8000)))
        defer { server.shutdown() }
        let wide = SpeechFormat(codec: .pcm16, rate: 16000)
        func sent(_ name: String, _ format: SpeechFormat = .telephone) async throws -> CannedHTTPServer.Request {
            _ = try await engines.audio(engines.engine(name, server.url, key: "k").synthesize("Fish & <chips>, 'please'.", format: format, group: nil))
            return try #require(server.lastRequest)
        }
        func json(_ request: CannedHTTPServer.Request) throws -> JSONObject { try #require(try JSONParser.parse(request.body).object) }

        let openai = try await sent("openai")
        #expect(openai.line == "POST /v1/audio/speech HTTP/1.1")
        #expect(openai.header("Authorization") == "Bearer k")
        #expect(try json(openai) == ["model": "gpt-4o-mini-tts", "input": "Fish & <chips>, 'please'.", "voice": "alloy", "response_format": "pcm", "speed": 1.0])

        #expect(try await sent("deepgram").line == "POST /v1/speak?model=aura-2-thalia-en&encoding=mulaw&sample_rate=8000&container=none HTTP/1.1")
        let aura = try await sent("deepgram", wide)
        #expect(aura.line == "POST /v1/speak?model=aura-2-thalia-en&encoding=linear16&sample_rate=16000&container=none HTTP/1.1")
        #expect(aura.header("Authorization") == "Token k")
        #expect(try json(aura) == ["text": "Fish & <chips>, 'please'."])

        let eleven = try await sent("elevenlabs")
        #expect(eleven.line == "POST /v1/text-to-speech/21m00Tcm4TlvDq8ikWAM/stream?output_format=ulaw_8000 HTTP/1.1")
        #expect(eleven.header("xi-api-key") == "k")
        #expect(try json(eleven)["voice_settings"] == ["stability": 0.5, "similarity_boost": 0.75, "speed": 1.0])
        #expect(try await sent("elevenlabs", wide).line.contains("?output_format=pcm_16000 "))

        let azure = try await sent("azure")
        #expect(azure.line == "POST /cognitiveservices/v1 HTTP/1.1")
        #expect(azure.header("Ocp-Apim-Subscription-Key") == "k")
        #expect(azure.header("Content-Type") == "application/ssml+xml")
        #expect(azure.header("X-Microsoft-OutputFormat") == "raw-8khz-8bit-mono-mulaw")
        #expect(azure.header("User-Agent") == "switchboard")
        #expect(String(decoding: azure.body, as: UTF8.self).contains("<voice xml:lang='en-US' name='en-US-JennyNeural'>Fish &amp; &lt;chips&gt;, &apos;please&apos;.</voice>"))
        #expect(try await sent("azure", wide).header("X-Microsoft-OutputFormat") == "raw-16khz-16bit-mono-pcm")

        let cartesia = try await sent("cartesia")
        #expect(cartesia.line == "POST /tts/bytes HTTP/1.1")
        #expect(cartesia.header("Cartesia-Version") == "2025-04-16")
        #expect(cartesia.header("Authorization") == "Bearer k")
        #expect(try json(cartesia)["output_format"] == ["container": "raw", "encoding": "pcm_mulaw", "sample_rate": 8000])
        #expect(try json(cartesia)["voice"] == ["mode": "id", "id": "694f9389-aac1-45b6-b726-9d9369183238"])
        #expect(try json(try await sent("cartesia", wide))["output_format"] == ["container": "raw", "encoding": "pcm_s16le", "sample_rate": 16000])
    }

    @Test func formatsAskedForAndVoiceIdentities() {
        #expect(ElevenLabsSpeechEngine.formats.delivered(for: .telephone) == .telephone)
        #expect(ElevenLabsSpeechEngine.formats.delivered(for: .init(codec: .pcm16, rate: 44100)) == .init(codec: .pcm16, rate: 48000))
        #expect(AuraSpeechEngine.formats.delivered(for: .init(codec: .mulaw, rate: 16000)) == .init(codec: .mulaw, rate: 16000))
        #expect(AzureSpeechEngine.formats.delivered(for: .init(codec: .mulaw, rate: 16000)) == .init(codec: .pcm16, rate: 16000))
        #expect(OpenAISpeechEngine.formats.delivered(for: .telephone) == .init(codec: .pcm16, rate: 24000))
        #expect(CartesiaSpeechEngine.formats.delivered(for: .init(codec: .pcm16, rate: 11025)) == .init(codec: .pcm16, rate: 16000))
        #expect(ElevenLabsSpeechEngine(apiKey: "k", voiceID: "v1", speed: 1.1).voiceIdentity
            == "elevenlabs voice=v1 model=eleven_turbo_v2_5 speed=1.1 stability=0.5 similarity=0.75")
        #expect(OpenAISpeechEngine(apiKey: "k").voiceIdentity == "openai voice=alloy model=gpt-4o-mini-tts speed=1.0")
        #expect(AuraSpeechEngine(apiKey: "k").voiceIdentity == "deepgram model=aura-2-thalia-en")
        #expect(AzureSpeechEngine(region: "westeurope", apiKey: "k").endpoint.baseURL == "https://westeurope.tts.speech.microsoft.com")
        #expect(AzureSpeechEngine(apiKey: "k", speed: 1.2).ssml("a").contains("<prosody rate='+20%'>a</prosody>"))
        #expect(CartesiaSpeechEngine(apiKey: "k").voiceIdentity == "cartesia voice=694f9389-aac1-45b6-b726-9d9369183238 model=sonic-2 language=en")
    }
}
