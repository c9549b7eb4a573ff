import Foundation
import Testing

/// `llm-stream` for a person: `--plain` shows the conversation as text (the default on a
/// terminal, which these tests have not: they ask for it), while a pipe keeps getting frames.
@Suite(.serialized) struct LLMStreamPlainTests {
    static let receptionist = "llm-stream --script Examples/receptionist.yaml --today 2026-11-21 --words-per-second 0"

    @Test func plainShowsAnswersAsParagraphs() async throws {
        let lines = "Hello\nI need an appointment tomorrow at ten\nthat's all, goodbye\nhello again\n"
        let result = try await Tools.sh("\(Self.receptionist) --plain", stdin: Data(lines.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == """
            Good morning, Sunrise Clinic. How can I help you?

            Sorry, I can book an appointment or tell you our opening hours. What would you like?

            May I have your name, please?

            Thank you for calling Sunrise Clinic. Goodbye!

            (The conversation has ended; the next line begins a new one.)

            Good morning, Sunrise Clinic. How can I help you?

            Sorry, I can book an appointment or tell you our opening hours. What would you like?


            """)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    /// Bad input is an `error` event; in plain text it is a line on stderr, and the
    /// conversation goes on.
    @Test func plainErrorsGoToStderr() async throws {
        let result = try await Tools.sh("\(Self.receptionist) --plain", stdin: Data("{not a frame\nwhen are you open\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("llm-stream: malformed frame header"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.text.hasSuffix("We are open from nine to five, Monday to Friday.\n\n"), "\(result.text)")
        #expect(!result.text.contains("{"), "no JSON for a person")
    }

    /// Without --plain, stdout that is not a terminal gets frames, as every stage's does.
    @Test func pipedOutputStaysFrames() async throws {
        let result = try await Tools.sh("echo hello | \(Self.receptionist) | switchboard dump")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.lines.isEmpty)
        #expect(result.json.count == result.lines.count, "every line a frame: \(result.text)")
        #expect(result.json.contains { $0["type"] as? String == "context" })
    }

    @Test func plainAndFramesExcludeEachOther() async throws {
        for flags in ["--plain --frames", "--plain --text"] {
            let result = try await Tools.sh("\(Self.receptionist) \(flags) </dev/null")
            #expect(result.status == 64, "\(flags)")
            #expect(result.stderr.contains("--plain"), "\(result.stderr)")
        }
        let frames = try await Tools.sh("echo hello | \(Self.receptionist) --frames --text")
        #expect(frames.status == 0 && frames.json.count == frames.lines.count, "\(frames.text)")
    }
}
