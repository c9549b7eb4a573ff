import ArgumentParser
import Foundation
import Logging
import Server
import StageOptions
import SwitchboardCore
import ToolSupport

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer Twilio calls: one process, many calls, each running the configured graph.",
        discussion: """
            Reads the configuration file (YAML; see switchboard(1) and Examples/switchboard.yaml; \
            check it first with `switchboard check`), then serves on --listen (default: the \
            file's `listen`):

              POST /twiml          the voice webhook: <Connect><Stream> to /media, with the \
            `tenant` query parameter and the configured parameters as <Parameter>s; \
            <Reject reason="busy"/> when --max-calls are live or the server is draining.
              GET  /media          the Media Streams WebSocket: each socket is one call, \
            running the tenant's graph in this process (the ring of `switchboard run \
            --loop-marks`, with Twilio as the telephone side).
              POST /twilio/after   <Connect action>: <Hangup/>, or <Dial> for a transfer.
              POST /twilio/status  <Stream statusCallback>: stream-errors counted by code.
              GET  /metrics        Prometheus text.   GET /healthz   ok, or 503 when draining.
              GET  /calls          live calls as JSON: id, tenant, started, turn, nodes.

            With a Twilio auth token (the file's twilio.auth_token, or TWILIO_AUTH_TOKEN), \
            X-Twilio-Signature is checked on the webhooks and the socket upgrade, against \
            the file's public_url; a bad or missing one gets 403. With an account SID too, \
            hang-ups and transfers go through Twilio's REST API once the audio before them has \
            played; without, the stream is closed and /twilio/after answers.

            SIGTERM or SIGINT drains: no new calls, live calls go on for --drain-s, then the \
            rest are ended and the server exits 0.

            Exit status: 0 after a drain, 64 bad usage, 66 unreadable configuration file, \
            69 the address cannot be bound, 78 bad configuration.

            In the examples, `&` runs the server in the background (--log-level notice: it \
            says where it listens); `kill %1` stops it, after a drain.

            Examples:
              switchboard serve --config Examples/switchboard.yaml --log-level notice &
              curl -s -X POST 'localhost:8080/twiml?tenant=clinic'
              curl -s localhost:8080/metrics | grep switchboard_calls
            """)

    @Option(name: .long, help: ArgumentHelp("The configuration file (YAML).", valueName: "file"))
    var config: String

    @Option(name: .long, help: ArgumentHelp("Listen here instead of the file's `listen`.", valueName: "host:port"))
    var listen: String?

    @Option(name: .long, help: ArgumentHelp("Refuse calls beyond this many (default: the file's limits.max_calls, else 200).", valueName: "n"))
    var maxCalls: Int?

    @Option(name: .long, help: ArgumentHelp("On SIGTERM, how long live calls may go on (default: limits.drain_s, else 30).", valueName: "seconds"))
    var drainS: Double?

    @Option(name: .long, help: ArgumentHelp("Caller silence before the idle prompt; 0: never (default: limits.idle_prompt_s, else 8).", valueName: "seconds"))
    var idlePromptS: Double?

    @Option(name: .long, help: ArgumentHelp("Caller silence before the call is ended; 0: never (default: limits.idle_hangup_s, else 20).", valueName: "seconds"))
    var idleHangupS: Double?

    @Option(name: .long, help: ArgumentHelp("Write each call's stereo WAV and transcript here.", valueName: "dir"))
    var recordDir: String?

    @Option(name: .long, help: ArgumentHelp("Write each call's trace (JSON lines) here.", valueName: "dir"))
    var traceDir: String?

    @OptionGroup var log: LogOptions

    func validate() throws {
        if let maxCalls, maxCalls < 1 { throw ValidationError("--max-calls must be at least 1, not \(maxCalls)") }
        if let drainS, drainS < 0 { throw ValidationError("--drain-s must not be negative, not \(drainS)") }
        if let listen, HostAndPort(parsing: listen) == nil { throw ValidationError("--listen must be host:port, not \"\(listen)\"") }
    }

    func run() async throws {
        let logger = log.makeLogger(label: "switchboard.serve")
        let server = try StageFailure.exitingOnFailure(logger: logger) { () throws -> SwitchboardServer in
            var configuration: ServeConfiguration
            do throws(ServeConfigurationError) { configuration = try ServeConfigurationLoader.load(contentsOf: config) } catch {
                throw StageFailure(error.isUnreadable ? .noInput : .config, "\(error)")
            }
            apply(to: &configuration)
            // Every tenant's graph is built now: a bad option, script or grammar stops the
            // server before it answers a call.
            let graphs = CallGraphs(configuration: configuration, resources: SharedResources(), logger: logger)
            do { _ = try graphs.buildAll() } catch {
                throw StageFailure(.config, "\(error)")
            }
            return SwitchboardServer(context: ServerContext(
                configuration: configuration, graphs: graphs, calls: TwilioCallsClient(settings: configuration.twilio), logger: logger))
        }
        do {
            try await server.run()
        } catch {
            logger.critical("\(error)")
            try ExitStatus.unavailable.exit()
        }
    }

    /// The flags win over the file.
    private func apply(to configuration: inout ServeConfiguration) {
        if let listen, let address = HostAndPort(parsing: listen) { configuration.listen = address }
        if let maxCalls { configuration.limits.maxCalls = maxCalls }
        if let drainS { configuration.limits.drainSeconds = drainS }
        if let idlePromptS { configuration.limits.idlePromptSeconds = idlePromptS > 0 ? idlePromptS : nil }
        if let idleHangupS { configuration.limits.idleHangupSeconds = idleHangupS > 0 ? idleHangupS : nil }
        if let recordDir { configuration.recordDirectory = recordDir }
        if let traceDir { configuration.traceDirectory = traceDir }
    }
}
