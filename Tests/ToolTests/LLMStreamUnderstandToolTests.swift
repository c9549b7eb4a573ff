import Foundation
import Testing

/// `llm-stream --understand` as a user runs it: typed lines in, frames out, the LLM played by
/// `switchboard mock-providers` with scripted structured answers.
@Suite(.serialized) struct LLMStreamUnderstandToolTests {
    /// A German request, which the script's English rules do not understand, is booked on the
    /// mock's reading; the same line without --understand is not.
    @Test func theMocksReadingStartsTheBooking() async throws {
        let replies = Tools.scratch + "/understood.txt"
        try #"{"intent":"book","slots":{}}"#.write(toFile: replies, atomically: true, encoding: .utf8)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: Tools.binDirectory + "/switchboard")
        server.arguments = ["mock-providers", "--port", "0", "--replies", replies]
        let stderr = Pipe()
        server.standardError = stderr
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        let base = try #require(try await MockProvidersToolTests().listeningAddress(of: server, on: stderr.fileHandleForReading))

        let line = "echo 'Ich möchte einen Termin beim Arzt vereinbaren' | llm-stream --script Examples/receptionist.yaml --text --greeting ''"
        let guided = try await Tools.sh(line + " --understand openai --base-url \(base)")
        #expect(guided.status == 0, "\(guided.stderr)")
        #expect(state(guided) == "booking", "\(guided.text)")
        let rules = try await Tools.sh(line)
        #expect(state(rules) == "welcome", "\(rules.text)")
    }

    func state(_ result: Tools.Result) -> String? {
        (result.json.last { $0["type"] as? String == "context" }?["engine_state"] as? [String: Any])?["state"] as? String
    }

    @Test(arguments: [
        ("--understand gpt9", "gpt9"),
        ("--understand groq:", "groq:"),
        ("--understand-deadline-ms 0", "0"),
        ("--engine openai --understand ollama", "script"),
    ])
    func usageErrorsNameTheBadValue(options: String, named: String) async throws {
        let result = try await Tools.sh("llm-stream --script Examples/receptionist.yaml \(options) </dev/null")
        #expect(result.status == 64, "\(options): \(result.stderr)")
        #expect(result.stderr.contains(named), "\(result.stderr)")
    }

    /// A cloud understander without its key: a warning, and the script answers alone.
    @Test func withoutAKeyTheScriptDecidesAlone() async throws {
        let result = try await Tools.sh(
            "echo 'I need an appointment' | env -u GROQ_API_KEY llm-stream --script Examples/receptionist.yaml --understand groq --text")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("GROQ_API_KEY"), "\(result.stderr)")
        #expect(state(result) == "booking")
    }
}
