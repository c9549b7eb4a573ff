import ArgumentParser
import Foundation
import Simulator
import SwitchboardCore
import ToolSupport

struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Call a voice agent as Twilio would, with a virtual caller following a scenario.",
        discussion: """
            Plays the scenario (switchboard-scenario(5)) as a phone call: the caller's lines \
            are synthesized locally (espeak-ng, flite) and sent as 20 ms µ-law frames on a \
            real-time clock; the agent's audio is played as Twilio's buffer plays it (marks \
            echoed once heard, emptied on clear). With --server the call comes in as Twilio's \
            do: POST /twiml, the <Stream> it names, and its <Connect action> when the stream \
            ends; --media goes straight to a Media Streams socket (another vendor's agent).

            Prints the conversation, each turn's latency (caller speech end to first agent \
            audio) with the server's own breakdown when --trace-dir names its trace_dir, the \
            barge-ins and backchannels with their outcome, and PASS or FAIL with the reasons.

            With --calls N the scenario is played N times, --concurrency at once, the first \
            ones spread over --ramp-s; the summary gives turn latency p50/p95/p99, barge-in \
            reaction, false and missed interruptions, outbound audio jitter, and with \
            --server-pid the server's CPU and memory per call.

            Exit status: 0 every call passed, 1 a call failed, 64 bad usage, 66 unreadable \
            scenario, 73 a report cannot be written, 78 bad scenario.

            `make demo` runs the first example against Examples/demo.yaml.

            Examples:
              switchboard simulate --scenario Examples/booking.scenario.yaml \\
                  --trace-dir out/traces  # needs: a running switchboard serve
              switchboard simulate --scenario Examples/load.scenario.yaml \\
                  --calls 200 --ramp-s 20 --report load.json  # needs: a server
            """)

    @Option(name: .long, help: ArgumentHelp("The scenario file (YAML).", valueName: "file"))
    var scenario: String

    @Option(name: .long, help: ArgumentHelp("The server's base URL, called as Twilio calls it (default: http://127.0.0.1:8080).", valueName: "url"))
    var server: String?

    @Option(name: .long, help: ArgumentHelp("A Media Streams WebSocket to call directly instead (ws://host:port/path).", valueName: "url"))
    var media: String?

    @Option(name: .long, help: ArgumentHelp("The tenant, instead of the scenario's.", valueName: "name"))
    var tenant: String?

    @Option(name: .long, help: ArgumentHelp("Sign requests with this Twilio auth token (default: $TWILIO_AUTH_TOKEN).", valueName: "token"))
    var authToken: String?

    @Option(name: .long, help: ArgumentHelp("The server's trace_dir: the agent's words and each turn's breakdown come from it.", valueName: "dir"))
    var traceDir: String?

    @Option(name: .long, help: ArgumentHelp("Record the call (caller left, agent right) to this WAV file; one call only.", valueName: "file"))
    var record: String?

    @Option(name: .long, help: ArgumentHelp("Write the JSON report here.", valueName: "file"))
    var report: String?

    @Option(name: .long, help: ArgumentHelp("Write the HTML report here: each call's turns as a waterfall, the latency distribution.", valueName: "file"))
    var html: String?

    @Option(name: .long, help: ArgumentHelp("Play the scenario this many times.", valueName: "n"))
    var calls = 1

    @Option(name: .long, help: ArgumentHelp("Calls at once (default: all of them).", valueName: "n"))
    var concurrency: Int?

    @Option(name: .long, help: ArgumentHelp("Spread the first calls' starts over this many seconds.", valueName: "seconds"))
    var rampS = 0.0

    @Option(name: .long, help: ArgumentHelp("The server's process id, to measure its CPU and memory per call (/proc).", valueName: "pid"))
    var serverPid: Int32?

    @Flag(name: .shortAndLong, help: "Print nothing; the exit status and the reports tell.")
    var quiet = false

    func validate() throws {
        if server != nil && media != nil { throw ValidationError("--server and --media are two ways to call: give one") }
        if calls < 1 { throw ValidationError("--calls must be at least 1, not \(calls)") }
        if let concurrency, concurrency < 1 { throw ValidationError("--concurrency must be at least 1, not \(concurrency)") }
        if rampS < 0 { throw ValidationError("--ramp-s must not be negative, not \(rampS)") }
        if record != nil && calls > 1 { throw ValidationError("--record records one call; leave it out with --calls \(calls)") }
        if let media, !(media.hasPrefix("ws://") || media.hasPrefix("wss://")) { throw ValidationError("--media must be a ws:// or wss:// URL, not \"\(media)\"") }
        if let server, !(server.hasPrefix("http://") || server.hasPrefix("https://")) { throw ValidationError("--server must be an http:// or https:// URL, not \"\(server)\"") }
    }

    func run() async throws {
        var loaded: Scenario
        do throws(ScenarioError) { loaded = try Scenario(contentsOf: scenario) } catch {
            FileHandle.standardError.write(Data("switchboard simulate: \(error)\n".utf8))
            try (error.isUnreadable ? ExitStatus.noInput : ExitStatus.config).exit()
        }
        if let tenant { loaded.tenant = tenant }
        let target: CallTarget = if let media {
            .media(url: media)
        } else {
            .server(TwilioDialIn(server: server ?? "http://127.0.0.1:8080", authToken: authToken ?? ProcessInfo.processInfo.environment["TWILIO_AUTH_TOKEN"]))
        }
        var call = SimulatedCall(scenario: loaded, target: target, recordingPath: record, traceDirectory: traceDir)
        let result: SimulationReport
        if calls == 1 {
            let report = await call.run()
            result = SimulationReport(calls: [report])
            if !quiet { print(CallSummaryText.render(report), terminator: "") }
        } else {
            call.recordingPath = nil
            let run = LoadRun(call: call, calls: calls, concurrency: concurrency ?? calls, rampSeconds: rampS, serverPid: serverPid)
            let progress: (@Sendable (String) -> Void)? = quiet ? nil : { @Sendable line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
            result = await run.run(progress: progress)
            if !quiet { print(LoadSummaryText.render(result.load!, calls: result.calls), terminator: "") }
        }
        try write(result)
        if result.calls.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }

    private func write(_ result: SimulationReport) throws {
        if let report { try write(to: report) { try result.json() } }
        if let html {
            let title = "switchboard simulate — \(result.calls.first?.scenario ?? scenario)"
            try write(to: html) { Data(HTMLReport.render(calls: result.calls, load: result.load, title: title).utf8) }
        }
    }

    private func write(to path: String, _ contents: () throws -> Data) throws {
        do {
            try contents().write(to: URL(fileURLWithPath: path))
        } catch {
            FileHandle.standardError.write(Data("switchboard simulate: cannot write \(path): \(error.localizedDescription)\n".utf8))
            try ExitStatus.cannotCreate.exit()
        }
    }
}
