import Foundation
import Testing

/// `llm-stream` as a user runs it: typed lines in, the answer as frames out.
@Suite(.serialized) struct LLMStreamToolTests {
    func replies(_ result: Tools.Result) -> [String] {
        var replies: [String] = []
        var current = ""
        for line in result.json {
            switch line["type"] as? String {
            case "token": current += line["text"] as? String ?? ""
            case "response.end": replies.append(current); current = ""
            default: break
            }
        }
        return replies
    }

    /// A typed conversation begins without a `start`: the greeting comes first, then the
    /// answer to the line.
    @Test func receptionistGreetsThenAnswersATypedLine() async throws {
        let result = try await Tools.sh(
            #"echo "I need an appointment tomorrow at ten" | llm-stream --script Examples/receptionist.yaml --today 2026-11-21 --words-per-second 0 --text"#)
        #expect(result.status == 0, "\(result.stderr)")
        let types = result.json.compactMap { $0["type"] as? String }
        let turn = ["response.start", "response.end", "trace", "trace", "trace", "listen", "context"]
        #expect(types.filter { $0 != "token" } == turn + turn)
        let said = replies(result)
        #expect(said.first == "Good morning, Sunrise Clinic. How can I help you?")
        #expect(said.last?.lowercased().contains("name") == true, "asks for the name next: \(said)")
        let context = try #require(result.json.last)
        let state = try #require(context["engine_state"] as? [String: Any])
        #expect((state["slots"] as? [String: String]) == ["date": "2026-11-22", "time": "10:00"])
    }

    @Test func receptionistBooksAcrossTurns() async throws {
        let lines = "I need an appointment tomorrow at ten\nMy name is Asha\nyes please\n"
        let result = try await Tools.sh("llm-stream --script Examples/receptionist.yaml --today 2026-11-21 --words-per-second 0 --text",
            stdin: Data(lines.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let said = replies(result)
        #expect(said.count == 4, "the greeting and three answers: \(said)")
        #expect(said.last?.contains("Asha") == true)
        #expect(said.last?.contains("10 AM") == true, "\(said)")
        let state = try #require(result.json.last?["engine_state"] as? [String: Any])
        #expect(state["ended"] as? Bool == true)
        let ends = result.json.filter { $0["type"] as? String == "response.end" }
        #expect(ends.map { $0["last"] as? Bool } == [nil, nil, nil, true], "the booking's answer is the last")
        #expect(!result.json.contains { $0["type"] as? String == "hangup" }, "typed: no call to hang up")
    }

    /// `--greeting` replaces the script's greeting; `--greeting ''` asks for none, so a typed
    /// line is answered at once.
    @Test func greetingOptionChangesOrDropsTheGreeting() async throws {
        let fallback = "Sorry, I can book an appointment or tell you our opening hours. What would you like?"
        let command = "echo hello | llm-stream --script Examples/receptionist.yaml --words-per-second 0 --text --greeting"
        let custom = try await Tools.sh(command + " 'Hi there.'")
        #expect(custom.status == 0, "\(custom.stderr)")
        #expect(replies(custom) == ["Hi there.", fallback])
        let none = try await Tools.sh(command + " ''")
        #expect(none.status == 0, "\(none.stderr)")
        #expect(replies(none) == [fallback])
        #expect(none.json.first?["turn"] as? Int == 1, "no silent greeting turn before it")
    }

    @Test func malformedScriptIsAConfigurationError() async throws {
        let script = Tools.scratch + "/bad.yaml"
        try "start: welcome\nslots:\n  when: {type: dat}\nstates:\n  welcome: {}\n".write(toFile: script, atomically: true, encoding: .utf8)
        let result = try await Tools.sh("echo hi | llm-stream --script \(script)")
        #expect(result.status == 78)
        #expect(result.stderr.contains("bad.yaml:3:"), "\(result.stderr)")
        #expect(result.text.isEmpty)
        let grammar = try await Tools.sh("llm-stream grammar --script \(script)")
        #expect(grammar.status == 78)
    }

    @Test func unreachableEngineIsUnavailable() async throws {
        let result = try await Tools.sh("echo hi | llm-stream --engine openai --base-url http://127.0.0.1:9/v1 --text")
        #expect(result.status == 69, "\(result.stderr)")
        let types = result.json.compactMap { $0["type"] as? String }
        #expect(types.contains("error"))
        #expect(result.json.first { $0["type"] as? String == "response.end" }?["reason"] as? String == "error")
    }

    @Test func usageErrorsNameTheOption() async throws {
        let unknown = try await Tools.sh("llm-stream --engine gpt9 </dev/null")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("gpt9"))
        let noScript = try await Tools.sh("llm-stream </dev/null")
        #expect(noScript.status == 64)
        #expect(noScript.stderr.contains("--script"))
    }

    @Test func grammarListsThePhrases() async throws {
        let result = try await Tools.sh("llm-stream grammar --script Examples/receptionist.yaml")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text.hasPrefix("#JSGF"))
        #expect(result.text.lowercased().contains("appointment"))
    }
}
