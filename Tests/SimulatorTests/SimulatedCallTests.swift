import Audio
import Foundation
import Logging
import Server
import Simulator
import StageOptions
import Supervisor
import Testing

/// Whole simulated calls against a real `switchboard serve` on 127.0.0.1 running the demo's
/// embedded graph: pocketsphinx with the receptionist's per-step grammar, the script, espeak-ng.
@Suite(.serialized) struct SimulatedCallTests {
    static let repository = CallerLineServeTests.repository
    static let resources = SharedResources()

    /// The demo's graph (Examples/demo.yaml) with this test's cache folder.
    static func demoGraph(cacheDir: String) -> String {
        let script = repository + "/Examples/receptionist.yaml"
        return "mulaw-decode --rate 8000 | vad | stt-stream --engine pocketsphinx --grammar-from-script \(script)"
            + " | llm-stream --engine script --script \(script) --words-per-second 0 | sentence-split"
            + " | tts-cache --engine espeak --cache-dir \(cacheDir) | mulaw-encode"
    }

    /// A server with a trace folder, for `body(baseURL, traceDir, scratch)`.
    static func withDemoServer(_ body: (String, String, String) async throws -> Void) async throws {
        let directory = NSTemporaryDirectory() + "simulated-call-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/traces", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var configuration = ServeConfiguration(graph: demoGraph(cacheDir: directory + "/tts"))
        configuration.listen = HostAndPort(host: "127.0.0.1", port: 0)
        configuration.limits.idlePromptSeconds = nil
        configuration.limits.idleHangupSeconds = nil
        configuration.traceDirectory = directory + "/traces"
        var logger = Logger(label: "test.simulated-call")
        logger.logLevel = .warning
        let graphs = CallGraphs(configuration: configuration, resources: resources, logger: logger)
        let server = SwitchboardServer(context: ServerContext(configuration: configuration, graphs: graphs, calls: nil, logger: logger))
        try await server.serving { base in try await body(base, directory + "/traces", directory) }
    }

    static func scenario(_ yaml: String) throws -> Scenario {
        try Scenario(yaml: yaml, file: "test.scenario.yaml", directory: repository)
    }

    static let straightBooking = """
        name: straight booking
        steps:
          - wait_for_agent: {timeout_s: 30}
          - say: "I need an appointment tomorrow at ten"
          - wait_for_agent: {timeout_s: 30}
          - say: "It's Asha"
          - wait_for_agent: {timeout_s: 30}
          - say: "yes please"
          - wait_for_agent: {timeout_s: 30}
        expect:
          - reply_contains: "You're booked, Asha"
          - ends_with: hangup
        """

    @Test func aBookingCallSucceedsAndItsReportRecordingAndTranscriptShowIt() async throws {
        try await Self.withDemoServer { base, traces, scratch in
            let recording = scratch + "/call.wav"
            let call = SimulatedCall(scenario: try Self.scenario(Self.straightBooking), target: .server(TwilioDialIn(server: base)),
                                     recordingPath: recording, traceDirectory: traces)
            let report = await call.run()
            #expect(report.passed, "\(report.failures)\n\(CallSummaryText.render(report))")
            #expect(report.ending == "hangup")
            // Greeting + three answers, each measured from the caller's side and the server's.
            #expect(report.turns.count == 4, "\(report.turns)")
            for turn in report.turns.dropFirst() {
                let latency = try #require(turn.latencyMs, "turn \(turn.index) has a latency")
                #expect(latency > 0 && latency < 10_000)
                #expect(turn.serverStages.map(\.name).contains("endpointing"), "\(turn.serverStages)")
            }
            #expect(report.transcript.contains { $0.who == "caller" && $0.text == "It's Asha" })
            #expect(report.transcript.contains { $0.who == "agent" && $0.text.contains("booked, Asha") })
            // Both sides of the call are in the recording.
            let reader = try SoundFileReader(path: recording)
            #expect(reader.channels == 2)
            let data = try CallerLineServeTests.waveData(recording)
            let left = stride(from: 0, to: data.count - 1, by: 2).map { MuLaw.decode(data[$0]) }
            let right = stride(from: 1, to: data.count, by: 2).map { MuLaw.decode(data[$0]) }
            #expect(CallerLineServeTests.loudness(left) > 300, "the caller's side has speech")
            #expect(CallerLineServeTests.loudness(right) > 300, "the agent's side has speech")
            // The JSON report reads back as written.
            let json = try SimulationReport(calls: [report]).json()
            let decoded = try JSONDecoder().decode(SimulationReport.self, from: json)
            #expect(decoded == SimulationReport(calls: [report]))
        }
    }

    @Test func aBargeInOnTheGreetingIsClearedAndAnswered() async throws {
        let yaml = """
            steps:
              - barge_in: {after_ms: 800, say: "I need an appointment tomorrow at ten"}
              - wait_for_agent: {timeout_s: 30}
            expect:
              - reply_contains: "your name"
            """
        try await Self.withDemoServer { base, traces, _ in
            let report = await SimulatedCall(scenario: try Self.scenario(yaml), target: .server(TwilioDialIn(server: base)), traceDirectory: traces).run()
            let cue = try #require(report.interruptions.first)
            #expect(cue.kind == .bargeIn && cue.outcome == .cleared, "\(report.interruptions)")
            // The agent stopped while the caller was still talking: the barge-in cut it, not
            // the turn's end. (How soon is a benchmark's number: `switchboard simulate` reports
            // it; a wall-clock bound here would also hold every stall of a loaded test machine.)
            let clear = try #require(cue.clearMs), reaction = try #require(cue.reactionMs)
            let speechEnd = try #require(report.turns.first { $0.callerSpeechStartMs == cue.speechStartMs }?.callerSpeechEndMs, "\(report.turns)")
            #expect(reaction > 0 && clear < speechEnd, "cleared \(reaction) ms after the onset, \(speechEnd - clear) ms before the speech ended")
            #expect(report.turns.first?.interrupted == true)
            #expect(report.passed, "\(report.failures)")
        }
    }

    /// The example the demo plays: a barge-in on the greeting, a backchannel during the
    /// read-back, and the booking made.
    @Test func theExampleBookingScenarioPasses() async throws {
        try await Self.withDemoServer { base, traces, _ in
            let scenario = try Scenario(contentsOf: Self.repository + "/Examples/booking.scenario.yaml")
            let report = await SimulatedCall(scenario: scenario, target: .server(TwilioDialIn(server: base)), traceDirectory: traces).run()
            #expect(report.passed, "\(CallSummaryText.render(report))")
            #expect(report.interruptions.map(\.outcome) == [.cleared, .ignored], "\(report.interruptions)")
        }
    }

    @Test func anExpectationNotMetFailsTheCallNamingItsLine() async throws {
        let yaml = """
            steps:
              - wait_for_agent: {timeout_s: 30}
              - hang_up: true
            expect:
              - reply_contains: "We are closed"
              - ends_with: transfer
            """
        try await Self.withDemoServer { base, traces, _ in
            let report = await SimulatedCall(scenario: try Self.scenario(yaml), target: .server(TwilioDialIn(server: base)), traceDirectory: traces).run()
            #expect(!report.passed)
            #expect(report.ending == "caller_hangup")
            #expect(report.failures.contains { $0.hasPrefix("test.scenario.yaml:5: no reply contains \"We are closed\"") }, "\(report.failures)")
            #expect(report.failures.contains { $0.hasPrefix("test.scenario.yaml:6: expected the call to end with transfer") }, "\(report.failures)")
        }
    }

    @Test func aServerThatIsNotThereFailsTheCallWithItsAddress() async throws {
        let report = await SimulatedCall(scenario: try Self.scenario(Self.straightBooking), target: .server(TwilioDialIn(server: "http://127.0.0.1:9"))).run()
        #expect(!report.passed)
        #expect(report.failures.first?.contains("POST http://127.0.0.1:9/twiml") == true, "\(report.failures)")
    }
}
