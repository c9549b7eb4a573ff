import Foundation

/// A load run's numbers over all its calls.
enum LoadSummary {
    static func summarize(_ reports: [CallReport], peak: Int, wallSeconds: Double, server: ServerUsage?) -> LoadReport {
        // The greeting answers nobody; every later turn is a reply the caller waited for.
        let latencies = reports.flatMap { $0.turns.compactMap(\.latencyMs) }
        let overheads = reports.flatMap { $0.turns.compactMap { $0.serverStages.first { $0.name == "overhead" }?.ms } }
        let interruptions = reports.flatMap(\.interruptions)
        let reactions = interruptions.filter { $0.kind == .bargeIn }.compactMap(\.reactionMs)
        var errors: [String: Int] = [:]
        for report in reports {
            for failure in Set(report.failures.map(reason)) { errors[failure, default: 0] += 1 }
        }
        let jitter = reports.map(\.jitter)
        let passed = reports.filter(\.passed).count
        return LoadReport(
            calls: reports.count, passed: passed, failed: reports.count - passed, peakConcurrency: peak, wallSeconds: wallSeconds,
            latency: Percentiles(latencies),
            overhead: overheads.isEmpty ? nil : Percentiles(overheads),
            bargeIn: reactions.isEmpty ? nil : Percentiles(reactions),
            falseInterruptions: interruptions.filter { $0.outcome == .falseInterruption }.count,
            missedInterruptions: interruptions.filter { $0.outcome == .missed }.count,
            jitterP99Ms: jitter.map(\.p99Ms).max() ?? 0,
            underruns: jitter.reduce(0) { $0 + $1.underruns },
            errors: errors, server: server)
    }

    /// A failure without its call-specific details (quoted words, numbers), so that the same
    /// problem in many calls is counted once.
    static func reason(_ failure: String) -> String {
        String(failure.prefix { $0 != "\"" && $0 != ";" }).trimmingCharacters(in: .whitespaces)
    }
}
