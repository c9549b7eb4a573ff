import Foundation
import Providers
import Resilience
import Speech
@testable import Stages
import Supervisor
import SwitchboardCore
import Testing

/// The Whisper-style engine against the mock's `POST /v1/audio/transcriptions`: the real
/// libcurl client, a real multipart upload, espeak-ng speech as the caller.
@Suite(.serialized) struct WhisperSTTEngineTests {
    let http = HTTPClient()

    func engine(_ base: String, key: String? = "test-key", language: String? = "en-US", breaker: CircuitBreaker? = nil) -> WhisperSTTEngine {
        WhisperSTTEngine(key: key, baseURL: base, model: "whisper-large-v3", language: language, http: http, breaker: breaker)
    }

    /// The sample rate and PCM of a canonical WAV file; nil if it is not one.
    func readWAV(_ bytes: [UInt8]) -> (rate: Int, channels: Int, bits: Int, pcm: [UInt8])? {
        func uint32(_ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        func uint16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        guard bytes.count >= 44, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<16].elementsEqual("WAVEfmt ".utf8),
            uint32(4) == bytes.count - 8, uint16(20) == 1, bytes[36..<40].elementsEqual("data".utf8), uint32(40) == bytes.count - 44
        else { return nil }
        return (uint32(24), uint16(22), uint16(34), Array(bytes[44...]))
    }

    @Test(arguments: [8000, 16000]) func eachUtteranceIsOneWAVUploadAnsweredInOrder(rate: Int) async throws {
        try await withMockProviders({ $0.transcripts = ["I need an appointment.", "Tomorrow at nine."] }) { mock, base in
            let whisper = engine(base)
            #expect(whisper.inputFormat(for: .telephone) == SpeechFormat(codec: .pcm16, rate: 8000), "µ-law is decoded, not resampled")
            let format = SpeechFormat(codec: .pcm16, rate: rate)
            let run = CloudRecognitionRun(whisper)
            let first = try await spokenUtterance("I need an appointment", format: format, quietAfterMs: 300)
            let second = try await spokenUtterance("tomorrow at nine", format: format, quietAfterMs: 300)
            // Back to back: the second is gathered while the first is transcribed.
            try await run.say(1, first.audio, format: format, ts: 2000)
            try await run.say(2, second.audio, format: format, ts: 6000)
            try await run.finish()

            let results = run.recognitions
            #expect(results.map(\.utterance) == [1, 2], "one result per utterance, in order")
            #expect(results.allSatisfy { $0.isFinal && $0.isLast })
            #expect(results.map(\.text) == ["I need an appointment.", "Tomorrow at nine."])
            #expect(results[0].startTs == 2000 && results[0].endTs == 2000 + first.audio.count * 1000 / format.bytesPerSecond)

            let uploads = mock.transcriptionUploads
            try #require(uploads.count == 2)
            #expect(uploads[0].fields == ["model": "whisper-large-v3", "language": "en", "response_format": "json"])
            #expect(uploads[0].authorization == "Bearer test-key")
            #expect(uploads[0].filename?.hasSuffix(".wav") == true)
            let wav = try #require(readWAV(uploads[0].file), "the file is a canonical WAV")
            #expect(wav.rate == rate && wav.channels == 1 && wav.bits == 16)
            #expect(wav.pcm == first.audio, "the utterance's audio, all of it, unchanged")
            #expect(readWAV(uploads[1].file)?.pcm == second.audio)
        }
    }

    @Test func aLocalServerNeedsNoKeyAndAnEmptyUtteranceNoRequest() async throws {
        try await withMockProviders({ $0.transcripts = ["Yes."] }) { mock, base in
            let run = CloudRecognitionRun(engine(base, key: nil, language: nil))
            try await run.input.send(.begin(utterance: 1, ts: 0, listen: nil))
            try await run.input.send(.end(utterance: 1, ts: 400))
            let yes = try await spokenUtterance("yes", format: SpeechFormat(codec: .pcm16, rate: 8000), quietAfterMs: 200)
            try await run.say(2, yes.audio, format: SpeechFormat(codec: .pcm16, rate: 8000), ts: 1000)
            try await run.finish()
            #expect(run.recognitions.map(\.text) == ["", "Yes."])
            #expect(run.recognitions.allSatisfy { $0.isLast })
            let uploads = mock.transcriptionUploads
            try #require(uploads.count == 1)
            #expect(uploads[0].authorization == nil)
            #expect(uploads[0].fields == ["model": "whisper-large-v3", "response_format": "json"])
        }
    }

    @Test(arguments: [429, 500]) func anHTTPErrorMakesTheEngineThrow(status: Int) async throws {
        try await withMockProviders({ if status == 429 { $0.faults[.transcriptions] = faults { $0.rateLimit = 1 } } else {
            $0.faults[.transcriptions] = faults { $0.serverError = 1 } } }) { _, base in
            let run = CloudRecognitionRun(engine(base))
            let hello = try await spokenUtterance("hello", format: SpeechFormat(codec: .pcm16, rate: 16000), quietAfterMs: 200)
            try await run.say(1, hello.audio, format: SpeechFormat(codec: .pcm16, rate: 16000), ts: 0)
            do {
                try await run.finish()
                Issue.record("no error")
            } catch let error as ProviderError {
                #expect(error.status == status)
                #expect(error.message.hasPrefix("whisper: "))
            }
            #expect(run.recognitions.isEmpty)
        }
    }

    @Test func anOpenBreakerRefusesWithoutARequest() async throws {
        try await withMockProviders({ $0.faults[.transcriptions] = faults { $0.serverError = 1 } }) { mock, base in
            let breaker = CircuitBreaker(name: "whisper", configuration: .init(failureThreshold: 1, openInterval: .seconds(60)))
            let hello = try await spokenUtterance("hello", format: SpeechFormat(codec: .pcm16, rate: 16000), quietAfterMs: 200)
            for expected in [ProviderError.self, CircuitOpenError.self] as [any Error.Type] {
                let run = CloudRecognitionRun(engine(base, breaker: breaker))
                try await run.say(1, hello.audio, format: SpeechFormat(codec: .pcm16, rate: 16000), ts: 0)
                do {
                    try await run.finish()
                    Issue.record("no error")
                } catch {
                    #expect(type(of: error) == expected)
                }
            }
            #expect(mock.count("transcriptions", "requests") == 1)
        }
    }

    @Test func wavHeaderOfAnEmptyClip() {
        let wav = WAVFile.pcm16Mono([], rate: 8000)
        #expect(wav.count == 44)
        #expect(readWAV(wav)?.rate == 8000)
    }
}

private func faults(_ set: (inout MockFaults) -> Void) -> MockFaults {
    var faults = MockFaults()
    set(&faults)
    return faults
}
