import ArgumentParser
import Foundation
import Logging
import Runtime
import SwitchboardCore

/// N concurrent calls in one process through the call graph, fed at real-time pace, the
/// telephone side played by the runtime's looped telephone: CPU, memory and threads per call,
/// and the latency the runtime itself adds to a turn.
struct CallsBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: "Concurrent calls in one process: CPU, memory and threads per call, added latency per turn.",
        discussion: """
            Every call runs the graph below on one shared CallGraph (stages built once), fed from \
            a recorded caller (Examples/call.wav as µ-law 8 kHz, with the transcript events an STT \
            would send) at real time, one 20 ms frame per call per tick. Agent audio comes from \
            `cached-speech`, standing in for a tts-cache hit. The added latency of a turn is the \
            time from the caller's final transcript entering the graph to the agent's first \
            audio frame leaving it (script engine, all words at once: no provider time in it).

            With several --calls values, each runs in a fresh process (so that memory and \
            threads are its own).
            """)

    @Option(help: "Concurrent calls; a comma-separated list runs each in its own process.")
    var calls = "100,250,500,1000"

    @Option(help: "The graph every call runs.")
    var graph = "mulaw-decode --rate 8000 | vad | llm-stream --script Examples/receptionist.yaml --words-per-second 0 --today 2026-12-01 | sentence-split | cached-speech | mulaw-encode"

    @Option(help: ArgumentHelp("Spread the calls' starts over this long.", valueName: "s"))
    var rampS = 2.0

    @Option(help: ArgumentHelp("Also run this many calls both ways, in-process and with every built-in node as its own tool process (the shell-pipeline peer), and compare (0: skip).", valueName: "n"))
    var peerCalls = 0

    @Flag(help: "Run every built-in node as its tool's process (the peer; the tools must be built beside this executable).")
    var processes = false

    func run() async throws {
        let counts = calls.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }) else { throw ValidationError("--calls: positive numbers, comma-separated") }
        if counts.count > 1 || peerCalls > 0 {
            print(CallsReport.header)
            fflush(nil)  // before the children write below it
            for count in counts { try runInOwnProcess(count, processes: false) }
            if peerCalls > 0 {
                try runInOwnProcess(peerCalls, processes: false)
                try runInOwnProcess(peerCalls, processes: true)
            }
            return
        }
        let report = try await CallsRun(graph: graph, calls: counts[0], ramp: .milliseconds(Int(rampS * 1000)), asProcesses: processes).measure()
        if ProcessInfo.processInfo.environment["BENCH_CALLS_CHILD"] == nil { print(CallsReport.header) }
        print(report.line)
    }

    private func runInOwnProcess(_ count: Int, processes: Bool) throws {
        let child = Process()
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        child.executableURL = executable
        child.arguments = ["calls", "--calls", "\(count)", "--graph", graph, "--ramp-s", "\(rampS)"] + (processes ? ["--processes"] : [])
        let path = executable.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        child.environment = ProcessInfo.processInfo.environment.merging(["BENCH_CALLS_CHILD": "1", "PATH": path]) { $1 }
        try child.run()
        child.waitUntilExit()
        guard child.terminationStatus == 0 else { throw ExitCode(child.terminationStatus) }
    }
}
