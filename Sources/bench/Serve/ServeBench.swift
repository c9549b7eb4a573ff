import ArgumentParser
import Foundation

/// What a call costs in `switchboard serve`, socket included: memory and CPU per call with
/// cloud (mock) engines and cached TTS, measured on the server process from /proc while the
/// bench plays Twilio's side of every call over real WebSockets on 127.0.0.1.
struct ServeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Calls through a real `switchboard serve`: memory and CPU per call, quiet and talking.",
        discussion: """
            Starts `switchboard mock-providers` and `switchboard serve` (the release binary \
            beside this one) on free 127.0.0.1 ports. Every call runs mulaw-decode | vad | \
            stt-stream (deepgram, at the mock) | llm-stream (openai, at the mock; answers from \
            Examples/replies.txt) | sentence-split | tts-cache (espeak, a fresh cache folder) | \
            mulaw-encode. Four warm-up calls speak first, so every answer is in the TTS cache \
            and everything lazy in the server has woken; the run checks that no clip is added \
            afterwards (every answer a cache hit).

            Then N WebSocket calls open, ramped over --ramp-s, each playing Twilio: connected, \
            start, 20 ms µ-law media in real time (one ticker for all calls), the agent's audio \
            played on a real-time clock and its marks echoed once played. Three windows of \
            --window-s are measured: quiet (callers silent, no turn yet), talking (each caller \
            says the two halves of Examples/call.wav in turn, with room for the answer after \
            each), and quiet again (after turns, still on the line).

            Per window: the server's CPU (utime+stime from /proc/PID/stat) over the window, \
            per call as % of a core; its RSS minus the idle RSS after warm-up, per call; its \
            threads; the answers heard; and the mock's and the bench's own CPU for context. \
            RSS growth within a window shows a backlog; answers heard far below the caller \
            lines said show a server that is behind. With several --calls values, each gets \
            a fresh mock and server. The server runs without idle prompt or idle hang-up, \
            recording or traces.

            --graph swaps the graph, to see where the cost goes: for example \
            `--graph 'mulaw-decode --rate 8000 | mulaw-encode'` leaves the socket layer alone.
            """)

    @Option(help: "Concurrent calls; a comma-separated list runs each against a fresh server.")
    var calls = "200"

    @Option(help: ArgumentHelp("Length of each measured window.", valueName: "s"))
    var windowS = 20.0

    @Option(help: ArgumentHelp("Spread the calls' starts over this long.", valueName: "s"))
    var rampS = 5.0

    @Option(help: ArgumentHelp("Silence after each caller line, for the agent's answer to play out.", valueName: "ms"))
    var answerMs = 6000

    @Option(help: ArgumentHelp("What the callers say: 8 kHz audio, cut in two at its longest pause.", valueName: "file"))
    var speech = "Examples/call.wav"

    @Option(help: ArgumentHelp("The graph every call runs; {mock} stands for the mock's URL, {cache} for the TTS cache folder.", valueName: "graph"))
    var graph = ServeBenchConfiguration.defaultGraph

    @Flag(help: "Keep each run's folder (configuration, the server's and the mock's logs, the TTS cache).")
    var keepFiles = false

    func run() async throws {
        let counts = calls.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }) else { throw ValidationError("--calls: positive numbers, comma-separated") }
        guard windowS >= 1, rampS >= 0, answerMs >= 1000 else { throw ValidationError("--window-s ≥ 1, --ramp-s ≥ 0, --answer-ms ≥ 1000") }
        let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.deletingLastPathComponent().path
        guard FileManager.default.isExecutableFile(atPath: binDirectory + "/switchboard") else {
            throw ValidationError("no switchboard beside the bench in \(binDirectory): build it (swift build -c release)")
        }
        let script = try CallerScript(speech: speech, answerMs: answerMs)
        print("graph: \(graph)")
        print("caller: \(script.linesPerCycle) lines of \(speech), each followed by \(answerMs) ms for the answer (cycle \(script.cycleMs) ms)")
        var reports: [ServeReport] = []
        for count in counts {
            let run = ServeRun(calls: count, window: .milliseconds(Int(windowS * 1000)), ramp: .milliseconds(Int(rampS * 1000)),
                script: script, graph: graph, binDirectory: binDirectory, keepFiles: keepFiles) { message in
                FileHandle.standardError.write(Data("bench serve: \(message)\n".utf8))
            }
            let report = try await run.measure()
            reports.append(report)
            print(ServeReport.header)
            report.lines.forEach { print($0) }
            fflush(nil)
        }
        guard reports.count > 1 else { return }
        print("\nall runs:\n" + ServeReport.header)
        for report in reports { report.lines.forEach { print($0) } }
    }
}
