import Foundation
import Logging
import Runtime
import Synchronization
import SwitchboardCore

/// One measured run of `calls` concurrent calls (see `CallsBench`).
struct CallsRun {
    let graph: String
    let calls: Int
    let ramp: Duration
    /// The peer: every built-in node runs as its tool's process, as in a shell pipeline.
    let asProcesses: Bool

    func measure() async throws -> CallsReport {
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let factory = BenchStages(logger: logger, builtInsAsProcesses: asProcesses)
        let callGraph = try CallGraph(GraphDescription(parsing: graph), factory: factory, stall: .seconds(30), logger: logger)
        let lines = try String(contentsOfFile: "Examples/transcripts.txt", encoding: .utf8).split(separator: "\n").map(String.init)
        let recording = try CallerRecording(speech: "Examples/call.wav", lines: lines)
        let baseline = ProcessStatus.read()
        let benchCalls = (0..<calls).map { BenchCall(id: $0, ring: Ring(graph: callGraph, logger: logger)) }

        let window = Duration.milliseconds(recording.durationMs) - .seconds(2)
        var measured: (start: ProcessStatus, end: ProcessStatus)?
        try await withThrowingTaskGroup(of: Void.self) { group in
            for call in benchCalls {
                group.addTask { try await call.run() }
            }
            group.addTask { await Ticker(calls: benchCalls, recording: recording, ramp: ramp).run() }
            // Measure while every call is up: from a second after the ramp to a second before the first ends.
            try await Task.sleep(for: ramp + .seconds(1))
            let start = ProcessStatus.read()
            try await Task.sleep(for: window - ramp)
            measured = (start, ProcessStatus.read())
            try await group.waitForAll()
        }
        let (start, end) = measured!
        let finished = ProcessStatus.read()
        let wholeRunCPU = finished.cpuSeconds + finished.childrenCPUSeconds - baseline.cpuSeconds - baseline.childrenCPUSeconds
        return CallsReport(
            calls: calls, mode: asProcesses ? "processes" : "in-process",
            wholeRunCPUPerCallSecond: wholeRunCPU / (Double(calls) * Double(recording.durationMs) / 1000),
            cores: (end.cpuSeconds - start.cpuSeconds) / (end.wallSeconds - start.wallSeconds),
            residentBytes: end.residentBytes - baseline.residentBytes, threads: end.threads,
            latencies: benchCalls.flatMap(\.latencies), stalledTicks: benchCalls.reduce(0) { $0 + $1.stalledTicks.load(ordering: .relaxed) })
    }
}

/// One call of the benchmark: its ring, and the turn latencies its telephone side saw.
final class BenchCall: Sendable {
    let id: Int
    let ring: Ring
    /// When the caller's last turn ended, until the agent's first audio of the answer.
    let turnEnded = Mutex<ContinuousClock.Instant?>(nil)
    private let measured = Mutex<[Duration]>([])
    let stalledTicks = Atomic<Int>(0)

    init(id: Int, ring: Ring) {
        self.id = id
        self.ring = ring
    }

    var latencies: [Duration] { measured.withLock { $0 } }

    func run() async throws {
        let telephone = LoopedTelephone(output: TurnTimer(call: self), inbound: ring.inbound)
        try await CallContext.$id.withValue("CA\(id)") {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await telephone.play() }
                try await ring.run(telephone: telephone)
                try await group.waitForAll()
            }
        }
    }

    func agentAudioLeft() {
        guard let ended = turnEnded.withLock({ ended in defer { ended = nil }; return ended }) else { return }
        let latency = ContinuousClock.now - ended
        measured.withLock { $0.append(latency) }
    }
}

/// The end of the telephone line: notes the first agent audio after each caller turn.
struct TurnTimer: FrameSink {
    let call: BenchCall
    func send(_ frame: Frame) async throws {
        if frame.audio?.turn != nil { call.agentAudioLeft() }
    }
    func finish() async throws {}
}
