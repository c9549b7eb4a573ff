import Foundation
import Synchronization

/// The scenario played many times at once (`--calls N --concurrency C --ramp-s R`), from this
/// one process: at most C calls live, the first C started evenly over R seconds, each next
/// one as soon as a place frees up.
public struct LoadRun: Sendable {
    public var call: SimulatedCall
    public var calls: Int
    public var concurrency: Int
    public var rampSeconds: Double
    public var serverPid: Int32?

    public init(call: SimulatedCall, calls: Int, concurrency: Int, rampSeconds: Double = 0, serverPid: Int32? = nil) {
        self.call = call
        self.calls = calls
        self.concurrency = max(1, min(concurrency, calls))
        self.rampSeconds = rampSeconds
        self.serverPid = serverPid
    }

    /// Plays every call; `progress` gets a line every few seconds.
    public func run(progress: (@Sendable (String) -> Void)? = nil) async -> SimulationReport {
        let counts = Counts()
        let started = ContinuousClock.now
        let sampler = serverPid.map { ServerSampler(pid: $0) }
        let selfSampler = ServerSampler(pid: getpid())
        let call = self.call
        let monitor = Task {
            var tick = 0
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                await sampler?.sample(live: counts.live.load(ordering: .relaxed))
                await selfSampler.sample(live: counts.live.load(ordering: .relaxed))
                tick += 1
                if tick % 5 == 0 {
                    progress?("\(counts.done.load(ordering: .relaxed))/\(calls) calls done, \(counts.live.load(ordering: .relaxed)) live")
                }
            }
        }
        let stagger = rampSeconds / Double(concurrency)
        var reports: [CallReport] = []
        reports.reserveCapacity(calls)
        await withTaskGroup(of: CallReport.self) { group in
            func start(_ index: Int) {
                group.addTask {
                    if index < concurrency, stagger > 0 {
                        try? await Task.sleep(until: started + .milliseconds(Int(Double(index) * stagger * 1000)), clock: .continuous)
                    }
                    let now = counts.live.add(1, ordering: .relaxed).newValue
                    _ = counts.peak.max(now, ordering: .relaxed)
                    let report = await call.run()
                    counts.live.subtract(1, ordering: .relaxed)
                    counts.done.add(1, ordering: .relaxed)
                    return report
                }
            }
            var next = 0
            while next < concurrency {
                start(next)
                next += 1
            }
            for await report in group {
                reports.append(report)
                if next < calls {
                    start(next)
                    next += 1
                }
            }
        }
        monitor.cancel()
        let wall = ContinuousClock.now - started
        let seconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
        let usage = await sampler?.usage(peak: counts.peak.load(ordering: .relaxed))
        var summary = LoadSummary.summarize(reports, peak: counts.peak.load(ordering: .relaxed), wallSeconds: seconds, server: usage)
        summary.simulator = await selfSampler.usage(peak: counts.peak.load(ordering: .relaxed))
        return SimulationReport(calls: reports, load: summary)
    }
}

/// Calls live now, at most at once, and finished, shared by the run's tasks.
private final class Counts: Sendable {
    let live = Atomic<Int>(0)
    let peak = Atomic<Int>(0)
    let done = Atomic<Int>(0)
}
