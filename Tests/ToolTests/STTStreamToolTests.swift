import Foundation
import Testing

/// `stt-stream` as a user runs it: a recorded call's caller turn in words, and bad configuration.
@Suite struct STTStreamToolTests {
    @Test func aRecordedCallerTurnComesOutAsAnEndpointedTranscript() async throws {
        let result = try await Tools.sh(
            "mulaw-decode -i Examples/call.wav | vad | stt-stream --grammar-from-script Examples/receptionist.yaml --text")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "silent on success")
        let events = result.json
        #expect(!events.contains { $0["type"] as? String == "audio" }, "audio is consumed")
        let finals = events.filter { $0["type"] as? String == "transcript" && $0["endpoint"] as? Bool == true }
        #expect(finals.count == events.filter { $0["type"] as? String == "vad" && $0["event"] as? String == "end" }.count)
        // Maria asks for an appointment: the grammar can only hear what the script understands.
        #expect(finals.contains { ($0["text"] as? String)?.contains("appointment") == true }, "\(finals)")
        #expect(events.last?["type"] as? String == "stop")
    }

    @Test func badConfigurationExitsWithAClearMessage() async throws {
        let noKey = try await Tools.sh("echo hi | env -u DEEPGRAM_API_KEY stt-stream --engine deepgram,pocketsphinx")
        #expect(noKey.status == 78 && noKey.stderr.contains("DEEPGRAM_API_KEY"), "\(noKey.status) \(noKey.stderr)")
        let grammar = Tools.scratch + "/bad-\(UUID().uuidString).jsgf"
        try "#JSGF V1.0;\ngrammar bad;\npublic <a> = yes | ( no ;\n".write(toFile: grammar, atomically: true, encoding: .utf8)
        let badGrammar = try await Tools.sh("echo hi | stt-stream --grammar \(grammar)")
        #expect(badGrammar.status == 78 && badGrammar.stderr.contains("\(grammar):3:"), "\(badGrammar.status) \(badGrammar.stderr)")
        let noModel = try await Tools.sh("echo hi | stt-stream --sphinx-model /nonexistent/model")
        #expect(noModel.status == 78 && noModel.stderr.contains("/nonexistent/model"), "\(noModel.stderr)")
        let unknown = try await Tools.sh("echo hi | stt-stream --engine vosk")
        #expect(unknown.status == 64 && unknown.stderr.contains("vosk"))
    }
}
