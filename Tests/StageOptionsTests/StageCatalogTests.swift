import Logging
import Speech
import Stages
import StageOptions
import SwitchboardCore
import Testing

extension OneAtATime {
    /// A node of a graph string parsed with its tool's own options builds the tool's stage.
    @Suite struct StageCatalogTests {
        let logger = Logger(label: "stage-options-tests")

        func stage(_ argv: [String]) async throws -> any Stage {
            let options = try #require(try await parsed(argv))
            return try options.makeStage(resources: SharedResources(environment: [:]), logger: logger)
        }

        func usageMessage(_ argv: [String]) async -> String? {
            guard let failure = await parseFailure(argv) else { return nil }
            return failure.status == .usage ? failure.message : "status \(failure.status): \(failure.message)"
        }

        @Test func namesTheBuiltInStagesInCallOrder() {
            #expect(StageCatalog.names == ["mulaw-decode", "vad", "stt-stream", "llm-stream", "sentence-split", "tts-cache", "mulaw-encode"])
        }

        @Test func mulawDecodeKeepsItsInputOptionsForTheBinding() async throws {
            let options = try #require(try await parsed(["mulaw-decode", "--format", "twilio", "--rate", "8000", "--realtime"]) as? MuLawDecodeOptions)
            #expect(options.format == .twilio)
            #expect(options.realtime)
            #expect(options.inputFile == nil)
            #expect(options.frameMs == 20)
            let decoder = try #require(try options.makeStage(resources: SharedResources(), logger: logger) as? MuLawDecoder)
            #expect(decoder.outputRate == 8000)
        }

        @Test func mulawEncodeKeepsItsOutputOptionsForTheBinding() async throws {
            let options = try #require(try await parsed(["mulaw-encode", "--format", "twilio", "--stream-sid", "MZ1", "--pace"]) as? MuLawEncodeOptions)
            #expect(options.format == .twilio)
            #expect(options.streamSid == "MZ1")
            #expect(options.outputFile == nil)
            let encoder = try #require(try options.makeStage(resources: SharedResources(), logger: logger) as? MuLawEncoder)
            #expect(encoder.pace)
        }

        @Test func vadBuildsTheDetectorWithItsSettings() async throws {
            let detector = try #require(try await stage(["vad", "--aggressiveness", "3", "--silence-ms", "600"]) as? VoiceActivityDetector)
            #expect(detector.thresholdOffset == 3)
            #expect(detector.endpointing.silenceMs == 600)
        }

        @Test func sentenceSplitBuildsTheSplitterWithItsSettings() async throws {
            let split = try #require(try await stage(["sentence-split", "--max-chars", "100", "--first-min-chars", "20"]) as? SentenceSplit)
            #expect(split.settings.maxChars == 100)
            #expect(split.settings.firstMinChars == 20)
        }

        @Test func llmStreamBuildsItsEnginesInOrder() async throws {
            let node = try #require(try await parsed(["llm-stream", "--script", receptionistScript, "--engine", "groq,script", "--hedge-ms", "800"]))
            let withKey = try #require(try node.makeStage(resources: SharedResources(environment: ["GROQ_API_KEY": "k"]), logger: logger) as? LLMStream)
            #expect(withKey.configuration.engines.map(\.name) == ["groq", "script"])
            #expect(withKey.configuration.hedgeAfter == .milliseconds(800))
            // Without its key, groq is left out (with a warning), as the tool does.
            let withoutKey = try #require(try node.makeStage(resources: SharedResources(environment: [:]), logger: logger) as? LLMStream)
            #expect(withoutKey.configuration.engines.map(\.name) == ["script"])
        }

        @Test func ttsCacheBuildsItsEnginesFormatAndStoreFromTheGraphString() async throws {
            let tts = try #require(try await stage(["tts-cache", "--engine", "espeak:en-gb", "--codec", "pcm16", "--sample-rate", "16000",
                                                    "--rate", "200", "--cache", "off"]) as? TTSCache)
            #expect(tts.settings.format == SpeechFormat(codec: .pcm16, rate: 16000))
            #expect(tts.settings.voices == ["espeak": "espeak voice=en-gb rate=200 pitch=50"])
            #expect(tts.settings.store == nil)
            // Cloud engines need their key: a configuration error naming the variable.
            let cloud = try #require(try await parsed(["tts-cache", "--engine", "cartesia,espeak"]))
            let noKey = stageFailure { try cloud.makeStage(resources: SharedResources(environment: [:]), logger: logger) }
            #expect(noKey?.status == .config && noKey?.message.contains("CARTESIA_API_KEY") == true)
            #expect(await usageMessage(["tts-cache", "--engine", "polly"])?.contains("unknown engine \"polly\"") == true)
            #expect(await usageMessage(["tts-cache", "--sample-rate", "4000"])?.contains("--sample-rate") == true)
            #expect(await usageMessage(["tts-cache", "--endpoint", "nowhere=http://x"])?.contains("not an HTTP engine") == true)
        }

        @Test func anUnknownToolIsNotBuiltIn() async throws {
            #expect(try await parsed(["whisper-cli"]) == nil)
            #expect(try await parsed(["python3", "Examples/gain.py"]) == nil)
            #expect(try await parsed([]) == nil)
        }

        @Test(arguments: [
            (["vad", "--aggressiveness", "9"], "vad: --aggressiveness must be 0, 1, 2 or 3, not 9"),
            (["sentence-split", "--bogus"], "sentence-split: Unknown option '--bogus'"),
            (["mulaw-decode", "--rate", "fast"], "mulaw-decode: The value 'fast' is invalid for '--rate <hz>'"),
            (["mulaw-encode", "--format", "twilio", "-o", "x.wav"], "mulaw-encode: --format describes stdout; it cannot be used with --output"),
            (["llm-stream", "--engine", "gpt9"], "llm-stream: unknown engine \"gpt9\" in --engine"),
            (["llm-stream", "--engine", ":"], "llm-stream: unknown engine \"\" in --engine"),  // once a crash
            (["tts-cache", "--engine", "espeak,:"], "tts-cache: unknown engine \"\" in --engine"),
        ])
        func badOptionsAreUsageFailuresNamingToolAndOption(_ argv: [String], _ message: String) async {
            let got = await usageMessage(argv)
            #expect(got?.hasPrefix(message) == true, "\(got ?? "parsed")")
        }

        /// As `llm-stream` does: no --script for the script engine is bad usage (64); a script
        /// that cannot be read or parsed is bad configuration (78), its message pointing at the line.
        @Test func scriptProblemsKeepTheToolsStatuses() async throws {
            #expect(await usageMessage(["llm-stream"])?.contains("the script engine needs --script FILE") == true)
            let missing = try #require(try await parsed(["llm-stream", "--script", "/nonexistent/s.yaml"]))
            let unread = stageFailure { try missing.makeStage(resources: SharedResources(), logger: logger) }
            #expect(unread?.status == .config)
            #expect(unread?.message == "/nonexistent/s.yaml: no such file")
            let scratch = try Scratch()
            let bad = try scratch.write("bad.yaml", "start: welcome\nslots:\n  when: {type: dat}\nstates:\n  welcome: {}\n")
            let options = try #require(try await parsed(["llm-stream", "--script", bad]))
            let malformed = stageFailure { try options.makeStage(resources: SharedResources(), logger: logger) }
            #expect(malformed?.status == .config)
            #expect(malformed?.message.contains("bad.yaml:3:") == true, "\(malformed?.message ?? "built")")
        }

        /// A negative number is a value, not an option: it is judged by the option's own range
        /// ("must be … not -5"), or taken where negatives make sense (`vad --threshold -3`).
        @Test func negativeNumbersAreValues() async throws {
            let message = await usageMessage(["sentence-split", "--max-chars", "-5"])
            #expect(message?.contains("--max-chars must be 0 (no limit) or from 10 to 100000, not -5") == true, "\(message ?? "accepted")")
            #expect(await usageMessage(["vad", "--threshold", "-3"]) == nil)
        }
    }
}
