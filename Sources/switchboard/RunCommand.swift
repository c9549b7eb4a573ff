import ArgumentParser
import Logging
import Runtime
import StageOptions
import Stdio
import SwitchboardCore
import ToolSupport

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a call graph in one process: the in-process twin of a shell pipeline.",
        discussion: """
            GRAPH is written as the shell pipeline of the same tools, in one argument: \
            built-in stages (mulaw-decode, vad, llm-stream, sentence-split, tts-cache, mulaw-encode) run \
            in this process with exactly the options their executables take, joined by bounded \
            channels; any other command runs as a subprocess speaking frames on stdin/stdout \
            (its stderr is logged). `a || b` runs `a` and switches to `b` for the rest of the \
            call when `a` exits, sends an error with fatal:true, or takes no input for \
            --stall-ms; `b` is first given the last `context` event `a` sent, then the frames \
            `a` was given after it. Quote words as in sh; redirections and `;` are refused.

            Input is stdin: frames, or, when the graph starts with mulaw-decode, whatever its \
            -i/--format/--realtime options say. Output is stdout: frames (--text for text \
            mode), or, when the graph ends with mulaw-encode, whatever its -o/--format say. \
            The same input gives the same output as the pipeline `a | b | c`.

            --loop-marks plays the telephone side: the graph becomes a ring. Agent audio \
            (frames with a `turn`) is "played" on a real-time clock and each `mark` is echoed \
            into the first node once the audio before it has played (at once on `interrupt`, \
            as Twilio's `clear` does); `spoken`, `context`, `listen`, `hangup` and `transfer` \
            events reaching the end are fed back into the first node once, tagged \
            "looped":true; caller audio does not come out. After the input ends, the ring \
            runs until the agent's audio has played and the graph has been quiet for \
            --linger-ms.

            Exit status: 0 done, 64 bad usage or graph, 65 input ended inside a frame payload, \
            66 input file unreadable, 69 a command cannot start or every engine failed, 70 a \
            node failed, 73 output file cannot be made, 78 bad configuration (script, keys).

            Examples:
              echo "I need an appointment tomorrow at ten" | switchboard run \\
                'llm-stream --script Examples/receptionist.yaml | sentence-split'
              switchboard run 'mulaw-decode -i Examples/call.wav |
                python3 Examples/gain.py 0.5 | mulaw-encode -o out/quieter.wav'
              switchboard run --loop-marks --text \\
                'llm-stream --script Examples/receptionist.yaml | sentence-split' \\
                < Examples/transcripts.txt
            """)

    @Argument(help: ArgumentHelp("The graph, as one argument: stages joined by | (and || for a stand-in).", valueName: "graph"))
    var graph: String

    @Flag(help: "Play the telephone side: echo marks after their audio has played, feed events back (see above).")
    var loopMarks = false

    @Option(parsing: .unconditional, help: ArgumentHelp("An `a || b` node switches to b when a takes no input for this long.", valueName: "ms"))
    var stallMs = 5000

    @Option(parsing: .unconditional, help: ArgumentHelp("With --loop-marks: after the input ends, how long the graph must be quiet before the call ends.", valueName: "ms"))
    var lingerMs = 500

    @OptionGroup var frameOutput: FrameOutputOptions
    @OptionGroup var log: LogOptions

    func validate() throws {
        guard stallMs > 0 else { throw ValidationError("--stall-ms must be positive, not \(stallMs)") }
        guard lingerMs >= 0 else { throw ValidationError("--linger-ms must not be negative, not \(lingerMs)") }
    }

    func run() async throws {
        let logger = log.makeLogger(label: "switchboard")
        let (call, source, output) = try StageFailure.exitingOnFailure(logger: logger) {
            let description: GraphDescription
            do {
                description = try GraphDescription(parsing: graph)
            } catch {
                throw StageFailure(.usage, "\(error)")
            }
            let call = try CallGraph(description, factory: BuiltInStages(logger: logger), stall: .milliseconds(stallMs), logger: logger)
            let ends = GraphEnds(description)
            return (call, try ends.source(), try ends.destination(encoding: frameOutput.encoding, logger: logger))
        }
        let status = await run(call, source: source.source, realtime: source.realtime, output: output, logger: logger)
        try (status == .ok && source.source.sawDataError ? .dataError : status).exit()
    }

    private func run(_ call: CallGraph, source: CallerSource, realtime: Bool, output: CallDestination, logger: Logger) async -> ExitStatus {
        let loopMarks = loopMarks, linger = Duration.milliseconds(lingerMs)
        return await StdioBinding.exitStatus(finishing: output, logger: logger) {
            guard loopMarks else {
                let input = FrameChannel()
                async let pumped: Void = source.pump(into: input, realtime: realtime)
                try await call.run(input: input, output: output)
                await pumped
                return
            }
            let ring = Ring(graph: call, logger: logger)
            let telephone = LoopedTelephone(output: output, inbound: ring.inbound)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await telephone.play() }
                group.addTask {
                    await source.pump(into: ring.inbound, realtime: realtime, finishing: false)
                    let ended = ContinuousClock.now
                    while !telephone.isIdle(quiet: linger, since: ended) { try await Task.sleep(for: .milliseconds(20)) }
                    ring.inbound.finish()
                }
                try await ring.run(telephone: telephone)
                try await group.waitForAll()
            }
        }
    }
}
