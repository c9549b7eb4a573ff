import Foundation
import Testing

/// `switchboard simulate` from the shell: what a user sees when the scenario or the command
/// line is wrong, or the server is not there.
@Suite struct SimulateToolTests {
    @Test func aMalformedScenarioNamesFileAndLineAndExits78() async throws {
        let path = Tools.scratch + "/bad.scenario.yaml"
        try "steps:\n  - say: \"hello\"\n  - wait_for_agent: {timeout_s: -3}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try await Tools.sh("switchboard simulate --scenario \(path)")
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains("\(path):3:"), "\(result.stderr)")
    }

    @Test func aMissingScenarioExits66() async throws {
        let result = try await Tools.sh("switchboard simulate --scenario /nonexistent/call.yaml")
        #expect(result.status == 66, "\(result.stderr)")
        #expect(result.stderr.contains("/nonexistent/call.yaml"), "\(result.stderr)")
    }

    @Test func recordingManyCallsIsABadUsage() async throws {
        let result = try await Tools.sh("switchboard simulate --scenario Examples/booking.scenario.yaml --calls 3 --record x.wav")
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--record"), "\(result.stderr)")
    }

    /// No server: the call fails (exit 1) saying which address did not answer, and the
    /// report says the same.
    @Test func aServerThatIsNotThereFailsTheCall() async throws {
        let report = Tools.scratch + "/unreachable.json"
        let result = try await Tools.sh("switchboard simulate --scenario Examples/booking.scenario.yaml --server http://127.0.0.1:9 --report \(report)")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.text.contains("FAIL") && result.text.contains("http://127.0.0.1:9/twiml"), "\(result.text)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        let calls = try #require(json?["calls"] as? [[String: Any]])
        #expect(calls.count == 1 && calls[0]["passed"] as? Bool == false)
    }
}
