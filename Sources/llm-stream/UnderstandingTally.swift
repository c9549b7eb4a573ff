import Stages
import SwitchboardCore

/// How `llm-stream eval`'s understander fared: outcomes by kind, and how long each took.
actor UnderstandingTally {
    private var counts: [String: Int] = [:]
    private var milliseconds: [Double] = []

    func count(_ outcome: UnderstandingOutcome) {
        counts[outcome.label, default: 0] += 1
        milliseconds.append(outcome.elapsed.milliseconds)
    }

    /// `understanding: 280 turns: 270 understood, 10 timed_out; latency p50 12 ms, p95 35 ms, max 610 ms`
    func summary() -> String {
        let kinds = counts.sorted { $0.value > $1.value }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        return "understanding: \(milliseconds.count) turns: \(kinds); latency p50 \(percentile(50)) ms, p95 \(percentile(95)) ms, max \(percentile(100)) ms\n"
    }

    func json() -> String {
        var outcomes = JSONObject()
        for (label, count) in counts.sorted(by: { $0.key < $1.key }) { outcomes[label] = .int(count) }
        return JSONWriter.string(["understanding": .object(outcomes), "p50_ms": .int(percentile(50)), "p95_ms": .int(percentile(95)),
                                  "max_ms": .int(percentile(100))] as JSON) + "\n"
    }

    private func percentile(_ p: Double) -> Int {
        guard !milliseconds.isEmpty else { return 0 }
        let sorted = milliseconds.sorted()
        let index = min(sorted.count - 1, Int((p / 100 * Double(sorted.count - 1)).rounded()))
        return Int(sorted[index].rounded())
    }
}
