import Foundation
import Testing

/// `vad` as a user runs it: in a pipeline, and `vad eval` on a corpus built by the corpus script.
@Suite(.serialized) struct VADToolTests {
    @Test func findsTheUtterancesOfTheSampleCall() async throws {
        let result = try await Tools.sh("mulaw-decode -i Examples/call.wav | vad | switchboard dump")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.json
        let vad = lines.filter { $0["type"] as? String == "vad" }
        // The sample call holds four sentences separated by pauses of 250 ms or more.
        let starts = vad.filter { $0["event"] as? String == "start" }.compactMap { $0["ts"] as? Int }
        let ends = vad.filter { $0["event"] as? String == "end" }.compactMap { $0["ts"] as? Int }
        #expect(starts.count == ends.count && starts.count >= 3, "\(vad)")
        #expect(zip(starts, ends).allSatisfy { $0 < $1 })
        #expect(lines.filter { $0["type"] as? String == "audio" }.count > 100, "audio passes through")
        #expect(lines.last?["type"] as? String == "stop")
    }

    @Test func badInputGetsAnErrorEventAndTheStreamGoesOn() async throws {
        let input = #"{"type":"audio","codec":"mulaw","rate":8000,"ts":0,"b64":"//8="}"# + "\n{not json\nhello\n"
        let result = try await Tools.sh("vad --text", stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let types = result.json.compactMap { $0["type"] as? String }
        #expect(types == ["audio", "error", "error", "text"], "\(result.text)")
        #expect((result.json[1]["message"] as? String)?.contains("expected pcm16 audio at 8000 or 16000 Hz") == true)
    }

    @Test func usageErrorsNameTheOption() async throws {
        let result = try await Tools.sh("vad --aggressiveness 7 </dev/null")
        #expect(result.status == 64)
        #expect(result.stderr.contains("--aggressiveness"))
        let missing = try await Tools.sh("vad eval --corpus /nonexistent --quiet")
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("/nonexistent"))
    }

    /// A short corpus from scripts/vad-corpus.py (espeak-ng, flite, sox), scored end to end.
    @Test func evalScoresACorpusAndOtherDetectorsDecisions() async throws {
        let corpus = Tools.scratch + "/vad-corpus"
        let made = try await Tools.sh("scripts/vad-corpus.py --seconds 30 --seed 3 --out \(corpus)")
        #expect(made.status == 0, "\(made.stderr)")
        let result = try await Tools.sh("vad eval --corpus \(corpus) --json --quiet")
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(result.json.first)
        let rows = try #require(report["rows"] as? [[String: Any]])
        #expect(rows.count == 25)
        let bySNR = try #require(report["by_snr"] as? [[String: Any]])
        let clean = try #require(bySNR.first { $0["snr_db"] is NSNull })
        #expect((clean["f1"] as? Double ?? 0) > 0.85, "\(clean)")
        #expect((report["cpu_seconds"] as? Double ?? 0) > 0)

        // Decisions that say "speech" exactly where the labels do score perfectly; all-silence
        // finds nothing.
        let labels = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: corpus + "/labels.json"))) as? [String: Any])
        var perfect: [String: String] = [:], silent: [String: String] = [:]
        for file in labels["files"] as! [[String: Any]] {
            let duration = file["duration_ms"] as! Int
            let speech = file["speech"] as! [[Int]]
            perfect[file["file"] as! String] = String((0..<duration / 10).map { i in speech.contains { $0[0] <= i * 10 && i * 10 < $0[1] } ? "1" : "0" })
            silent[file["file"] as! String] = String(repeating: "0", count: duration / 10)
        }
        for (name, files) in [("perfect", perfect), ("silent", silent)] {
            let decisions: [String: Any] = ["detector": name, "frame_ms": 10, "cpu_seconds": 0, "audio_seconds": 1, "files": files]
            try JSONSerialization.data(withJSONObject: decisions).write(to: URL(fileURLWithPath: "\(corpus)/\(name).json"))
        }
        // With --silence-ms below the labels' shortest gap, a perfect detector is scored perfect.
        let perfectReport = try #require(try await Tools.sh("vad eval --corpus \(corpus) --detections \(corpus)/perfect.json --json --silence-ms 100 --min-speech-ms 10 --pre-roll-ms 0").json.first)
        let overall = try #require(perfectReport["overall"] as? [String: Any])
        #expect(overall["f1"] as? Double == 1, "\(overall)")
        #expect(overall["false_starts_per_min"] as? Double == 0)
        let silentReport = try #require(try await Tools.sh("vad eval --corpus \(corpus) --detections \(corpus)/silent.json --json").json.first)
        #expect((silentReport["overall"] as? [String: Any])?["recall"] as? Double == 0)
        // Decisions missing a file are refused.
        try Data(#"{"detector":"x","frame_ms":10,"cpu_seconds":0,"audio_seconds":0,"files":{}}"#.utf8).write(to: URL(fileURLWithPath: corpus + "/empty.json"))
        let refused = try await Tools.sh("vad eval --corpus \(corpus) --detections \(corpus)/empty.json")
        #expect(refused.status == 66 && refused.stderr.contains("no entry for"), "\(refused.stderr)")
    }
}
