import Audio
import Foundation
import Testing

/// `tts-cache` as a user runs it: a line of text to a playable file, the receptionist's
/// answers, warming and statistics from several processes, and bad configuration.
@Suite(.serialized) struct TTSCacheToolTests {
    let cache = Tools.scratch + "/tts-\(UUID().uuidString)"

    func spoken(_ result: Tools.Result) -> [[String: Any]] { result.json.filter { $0["type"] as? String == "spoken" } }

    @Test func aLineOfTextBecomesAPlayableFile() async throws {
        let wav = Tools.scratch + "/hello-\(UUID().uuidString).wav"
        let result = try await Tools.sh("echo 'Thanks for calling.' | tts-cache --cache-dir \(cache) | mulaw-encode -o \(wav)")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "silent on success")
        let reader = try SoundFileReader(path: wav)
        let samples = reader.readAll()
        #expect(reader.sampleRate == 8000)
        #expect((0.7...3).contains(Double(samples.count) / 8000), "\(samples.count) samples")
        #expect(try #require(PCM16.rmsDBFS(samples)) > -35)
    }

    @Test func speaksTheReceptionistsAnswersAndHitsTheCacheTheSecondTime() async throws {
        let pipeline = "llm-stream --script Examples/receptionist.yaml --today 2026-11-21 --words-per-second 0 | sentence-split | tts-cache --cache-dir \(cache) --text"
        let input = Data("Hello\nWhat are your opening hours?\n".utf8)
        let first = try await Tools.sh(pipeline, stdin: input)
        #expect(first.status == 0, "\(first.stderr)")
        let said = spoken(first).map { "t\($0["turn"] ?? "?").s\($0["index"] ?? "?") \($0["cache"] ?? "?")" }
        #expect(said.count >= 3 && said.allSatisfy { $0.hasSuffix("miss") }, "\(said)")
        let second = try await Tools.sh(pipeline, stdin: input)
        #expect(spoken(second).allSatisfy { $0["cache"] as? String == "hit" } && spoken(second).count == said.count)
        let types = second.json.compactMap { $0["type"] as? String }
        #expect(types.contains("response.end") && types.contains("context") && !types.contains("sentence"))
    }

    @Test func warmingFromTwoProcessesAtOnceFillsOneCache() async throws {
        let phrases = Tools.scratch + "/phrases-\(UUID().uuidString).txt"
        try "Thanks for calling.\nPlease hold.\n\nOne moment, please.\nGoodbye.\n".write(toFile: phrases, atomically: true, encoding: .utf8)
        let both = try await Tools.sh(
            "tts-cache warm --phrases \(phrases) --cache-dir \(cache) & a=$!; tts-cache warm --phrases \(phrases) --cache-dir \(cache) & b=$!; wait $a && wait $b")
        #expect(both.status == 0, "\(both.stderr)")
        #expect(both.stderr.isEmpty, "silent on success")
        let stats = try await Tools.sh("tts-cache stats --cache-dir \(cache) --json")
        let numbers = try #require(stats.json.first)
        #expect(numbers["entries"] as? Int == 4)
        #expect((numbers["hits"] as? Int ?? 0) + (numbers["misses"] as? Int ?? 0) == 8)
        let spokenAgain = try await Tools.sh("echo 'Please hold.' | tts-cache --cache-dir \(cache) --text")
        #expect(spoken(spokenAgain).first?["cache"] as? String == "hit")
        let table = try await Tools.sh("tts-cache stats --cache-dir \(cache)")
        #expect(table.text.contains("entries    4") && table.text.contains("hit ratio"))
    }

    @Test func warmingAScriptCachesItsFixedSentences() async throws {
        let warm = try await Tools.sh("tts-cache warm --script Examples/receptionist.yaml --cache-dir \(cache)")
        #expect(warm.status == 0, "\(warm.stderr)")
        let greeting = try await Tools.sh(
            "echo Hello | llm-stream --script Examples/receptionist.yaml --today 2026-11-21 --words-per-second 0 | sentence-split | tts-cache --cache-dir \(cache) --text")
        // The greeting (turn 1) and the fallback answer to "Hello" (turn 2) are fixed replies.
        let said = spoken(greeting)
        #expect(!said.isEmpty && said.allSatisfy { $0["cache"] as? String == "hit" }, "\(said.map { $0["text"] ?? "" })")
    }

    @Test func textIsMadeFitToSpeakButSpokenTextKeepsWhatWasWritten() async throws {
        let only = try await Tools.sh("echo 'Your total is **$12.50**, due 22/11.' | tts-cache --normalize-only")
        #expect(only.status == 0 && only.stderr.isEmpty, "\(only.stderr)")
        #expect(only.text == "Your total is twelve dollars and fifty cents, due the twenty-second of November.\n")
        let lexicon = Tools.scratch + "/names-\(UUID().uuidString).tsv"
        try "# our names\nSunrise\tSun rise\n".write(toFile: lexicon, atomically: true, encoding: .utf8)
        let spoken = try await Tools.sh("echo 'Sunrise Clinic, *open* at 9:30.' | tts-cache --lexicon \(lexicon) --cache-dir \(cache) --text")
        let event = try #require(self.spoken(spoken).first)
        #expect(event["text"] as? String == "Sunrise Clinic, *open* at 9:30.")
        #expect(event["said"] as? String == "Sun rise Clinic, open at nine thirty.")
        let raw = try await Tools.sh("echo 'Open at 9:30.' | tts-cache --no-normalize --normalize-only")
        #expect(raw.text == "Open at 9:30.\n")
        try "broken line without a tab\n".write(toFile: lexicon, atomically: true, encoding: .utf8)
        let bad = try await Tools.sh("echo hi | tts-cache --lexicon \(lexicon) --cache off")
        #expect(bad.status == 78 && bad.stderr.contains(lexicon), "\(bad.status) \(bad.stderr)")
    }

    @Test func badConfigurationExitsWithAClearMessage() async throws {
        let noKey = try await Tools.sh("echo hi | env -u ELEVENLABS_API_KEY tts-cache --engine elevenlabs,espeak --cache off")
        #expect(noKey.status == 78 && noKey.stderr.contains("ELEVENLABS_API_KEY"), "\(noKey.status) \(noKey.stderr)")
        let badDir = try await Tools.sh("echo hi | tts-cache --cache-dir /proc/nope/tts")
        #expect(badDir.status == 78 && badDir.stderr.contains("/proc/nope/tts"), "\(badDir.stderr)")
        let unknown = try await Tools.sh("echo hi | tts-cache --engine polly")
        #expect(unknown.status == 64 && unknown.stderr.contains("polly"))
        let noFile = try await Tools.sh("tts-cache warm --phrases /nonexistent/phrases.txt --cache-dir \(cache)")
        #expect(noFile.status == 66 && noFile.stderr.contains("/nonexistent/phrases.txt"))
        let neither = try await Tools.sh("tts-cache warm --cache-dir \(cache)")
        #expect(neither.status == 64)
    }
}
