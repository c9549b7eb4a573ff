import Foundation
import Testing

/// `sentence-split` as a user runs it: plain lines, llm-stream's tokens, options, bad input.
@Suite(.serialized) struct SentenceSplitToolTests {
    func sentences(_ result: Tools.Result) -> [String] {
        result.json.filter { $0["type"] as? String == "sentence" }.compactMap { $0["text"] as? String }
    }

    @Test func plainTextIsSplit() async throws {
        let result = try await Tools.sh(#"echo "Hi. How are you? Dr. Rao is in at 10.30 a.m. tomorrow." | sentence-split --text"#)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "silent on success")
        #expect(sentences(result) == ["Hi.", "How are you?", "Dr. Rao is in at 10.30 a.m. tomorrow."])
        #expect(result.json.map { $0["index"] as? Int } == [0, 1, 2])
        #expect(result.json.allSatisfy { $0["turn"] as? Int == 0 })
    }

    @Test func splitsTheReceptionistsStreamedAnswers() async throws {
        let result = try await Tools.sh(
            "llm-stream --script Examples/receptionist.yaml --today 2026-11-21 --words-per-second 0 | sentence-split --text",
            stdin: Data("Hello\nI need an appointment tomorrow at ten\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let said = result.json.filter { $0["type"] as? String == "sentence" }.map { "t\($0["turn"] ?? "?").s\($0["index"] ?? "?") \($0["text"] ?? "")" }
        #expect(said == ["t1.s0 Good morning, Sunrise Clinic.", "t1.s1 How can I help you?",
                         "t2.s0 Sorry, I can book an appointment or tell you our opening hours.", "t2.s1 What would you like?",
                         "t3.s0 May I have your name, please?"])
        let types = result.json.compactMap { $0["type"] as? String }
        #expect(!types.contains("token"))
        #expect(types.filter { $0 == "response.start" || $0 == "response.end" || $0 == "context" }.count == 9, "the rest is passed on")
    }

    @Test func optionsShapeThePieces() async throws {
        let text = "Sure thing, I can book that for you. OK. Bye."
        let early = try await Tools.sh("echo '\(text)' | sentence-split --first-min-chars 10 --min-chars 5 --text")
        #expect(sentences(early) == ["Sure thing,", "I can book that for you.", "OK. Bye."])
        let long = try await Tools.sh("echo 'This answer runs on for a while, and then it runs on some more.' | sentence-split --max-chars 40 --text")
        #expect(sentences(long) == ["This answer runs on for a while,", "and then it runs on some more."])
    }

    @Test func abbreviationsFileExtendsTheLists() async throws {
        let file = Tools.scratch + "/clinic.abbr"
        try "# clinic words\nOPD.\nWd. numeric\n".write(toFile: file, atomically: true, encoding: .utf8)
        let without = try await Tools.sh("echo 'Go to OPD. Then Wd. 4 please.' | sentence-split --text")
        #expect(sentences(without) == ["Go to OPD.", "Then Wd.", "4 please."])
        let with = try await Tools.sh("echo 'Go to OPD. Then Wd. 4 please.' | sentence-split --abbreviations \(file) --text")
        #expect(sentences(with) == ["Go to OPD. Then Wd. 4 please."])
        let hindiOnly = try await Tools.sh("echo 'Dr. Rao. डॉ. राव।' | sentence-split --language hi --text")
        #expect(sentences(hindiOnly) == ["Dr.", "Rao.", "डॉ. राव।"])
    }

    @Test func badAbbreviationsFileIsAConfigurationError() async throws {
        let file = Tools.scratch + "/bad.abbr"
        try "Dr.\netc. sometimes\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try await Tools.sh("echo hi | sentence-split --abbreviations \(file)")
        #expect(result.status == 78)
        #expect(result.stderr.contains("bad.abbr:2: unknown kind 'sometimes'"), "\(result.stderr)")
        #expect(result.text.isEmpty)
        let missing = try await Tools.sh("echo hi | sentence-split --abbreviations /nonexistent/words")
        #expect(missing.status == 78)
        #expect(missing.stderr.contains("/nonexistent/words: no such file"), "\(missing.stderr)")
    }

    @Test func usageErrorsNameTheOption() async throws {
        for (arguments, named) in [("--max-chars 5", "--max-chars"), ("--language fr", "--language"), ("--min-chars 300 --max-chars 100", "--min-chars"),
                                   ("--first-min-chars -1", "first-min-chars")] {
            let result = try await Tools.sh("sentence-split \(arguments) < /dev/null")
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains(named), "\(arguments): \(result.stderr)")
        }
    }

    @Test func badInputIsReportedAndTheStreamGoesOn() async throws {
        let input = #"{"type":"token","turn":1}"# + "\n" + #"{"type":"token","turn":1,"text":"Fine. "# + "\n"
            + #"{"type":"token","turn":1,"text":"Still here."}"# + "\n"
        let result = try await Tools.sh("sentence-split --text", stdin: Data(input.utf8))
        #expect(result.status == 0)
        let errors = result.json.filter { $0["type"] as? String == "error" }
        #expect(errors.count == 2, "a token without text, a header that is not JSON: \(result.text)")
        #expect(sentences(result) == ["Still here."])
        let truncated = try await Tools.sh(#"printf '{"type":"token","turn":1,"text":"Hi. "}\n{"type":"x","len":10}\nabc' | sentence-split --text"#)
        #expect(truncated.status == 65)
        #expect(sentences(truncated) == ["Hi."])
    }

    @Test func helpExplains() async throws {
        let result = try await Tools.sh("sentence-split --help")
        #expect(result.status == 0)
        for phrase in ["--first-min-chars", "--abbreviations", "response.end", "Exit status", "echo \"Hi. How are you?\" | sentence-split"] {
            #expect(result.text.contains(phrase), "\(phrase)")
        }
    }
}
