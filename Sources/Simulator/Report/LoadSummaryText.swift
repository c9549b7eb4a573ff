import Foundation

/// A load run as the terminal shows it: a few lines a person compares between runs.
public enum LoadSummaryText {
    public static func render(_ load: LoadReport, calls: [CallReport]) -> String {
        func f(_ value: Double) -> String { String(format: "%.0f", value) }
        func p(_ stats: Percentiles) -> String { "p50 \(f(stats.p50)) / p95 \(f(stats.p95)) / p99 \(f(stats.p99)) ms (\(stats.count))" }
        var out = "\(load.calls) calls, \(load.passed) passed, \(load.failed) failed; peak \(load.peakConcurrency) at once; \(String(format: "%.1f", load.wallSeconds)) s\n"
        out += "turn latency      \(p(load.latency))\n"
        if let overhead = load.overhead { out += "server overhead   \(String(format: "p50 %.1f / p95 %.1f / p99 %.1f ms", overhead.p50, overhead.p95, overhead.p99))\n" }
        if let bargeIn = load.bargeIn { out += "barge-in → clear  \(p(bargeIn))\n" }
        out += "interruptions     \(load.falseInterruptions) false, \(load.missedInterruptions) missed\n"
        out += "audio jitter      worst call's p99 \(String(format: "%.1f", load.jitterP99Ms)) ms, \(load.underruns) underruns\n"
        if let server = load.server {
            out += "server (pid \(server.pid))  \(String(format: "%.2f", server.cpuPercentPerCall)) % of a core and \(f(server.kilobytesPerCall)) KB per call; peak RSS \(f(server.peakResidentMB)) MB\n"
        }
        if let simulator = load.simulator {
            out += "simulator (pid \(simulator.pid))  \(String(format: "%.2f", simulator.cpuPercentPerCall)) % of a core and \(f(simulator.kilobytesPerCall)) KB per call\n"
        }
        for (reason, count) in load.errors.sorted(by: { $0.value > $1.value }).prefix(10) {
            out += "  \(count) × \(reason)\n"
        }
        return out
    }
}
