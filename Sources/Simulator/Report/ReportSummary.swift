/// The figures at the top of the report: did the calls pass, how long callers waited, how
/// the agent handled interruptions, how smooth its audio was, what a call costs the server.
///
/// A load run's own numbers are used when there is one (they cover every call, however many
/// the page draws); for a plain run the same figures are worked out from the calls.
struct ReportSummary {
    var calls: Int
    var passed: Int
    var failed: Int
    /// Caller-measured latency of answered turns.
    var latency: Percentiles
    /// Barge-in reaction (speech onset → clear); nil when no barge-in was cleared.
    var bargeIn: Percentiles?
    var falseInterruptions: Int
    var missedInterruptions: Int
    var jitterP99Ms: Double
    var underruns: Int
    var load: LoadReport?

    init(calls: [CallReport], load: LoadReport?) {
        self.load = load
        if let load {
            self.calls = load.calls
            passed = load.passed
            failed = load.failed
            latency = load.latency
            bargeIn = load.bargeIn
            falseInterruptions = load.falseInterruptions
            missedInterruptions = load.missedInterruptions
            jitterP99Ms = load.jitterP99Ms
            underruns = load.underruns
            return
        }
        self.calls = calls.count
        passed = calls.filter(\.passed).count
        failed = calls.count - passed
        latency = LatencyHistogram(calls: calls).percentiles
        let interruptions = calls.flatMap(\.interruptions)
        let reactions = interruptions.filter { $0.kind == .bargeIn && $0.outcome == .cleared }.compactMap { ReportNumbers.usable($0.reactionMs) }
        bargeIn = reactions.isEmpty ? nil : Percentiles(reactions)
        falseInterruptions = interruptions.filter { $0.outcome == .falseInterruption }.count
        missedInterruptions = interruptions.filter { $0.outcome == .missed }.count
        // Without a load run's pooled figure, the worst call's p99 stands for the run.
        jitterP99Ms = calls.compactMap { ReportNumbers.usable($0.jitter.p99Ms) }.max() ?? 0
        underruns = calls.reduce(0) { $0 + $1.jitter.underruns }
    }

    var html: String {
        var tiles: [String] = []
        let verdict = failed == 0 ? "pass" : "fail"
        tiles.append(tile("calls", "\(passed) passed", sub: failed == 0 ? "none failed" : "\(failed) failed", tone: verdict))
        tiles.append(tile("turn latency p50", ReportNumbers.ms(latency.count > 0 ? latency.p50 : nil),
                          sub: "\(latency.count) answered turn\(latency.count == 1 ? "" : "s")"))
        tiles.append(tile("turn latency p95 / p99", latency.count > 0 ? "\(ReportNumbers.fixed(latency.p95)) / \(ReportNumbers.ms(latency.p99))" : "–",
                          sub: latency.count > 0 ? "max \(ReportNumbers.ms(latency.max))" : "no answered turns"))
        tiles.append(tile("barge-in reaction p95", ReportNumbers.ms(bargeIn?.p95),
                          sub: bargeIn.map { "\($0.count) cleared, max \(ReportNumbers.ms($0.max))" } ?? "no barge-in cleared"))
        tiles.append(tile("false / missed interruptions", "\(falseInterruptions) / \(missedInterruptions)",
                          sub: "backchannels that cut the agent / barge-ins it ignored",
                          tone: falseInterruptions + missedInterruptions == 0 ? "pass" : "fail"))
        tiles.append(tile("audio jitter p99", ReportNumbers.ms(jitterP99Ms),
                          sub: "\(underruns) underrun\(underruns == 1 ? "" : "s")" + (load == nil ? ", worst call" : ", all calls")))
        if let load {
            tiles.append(tile("concurrency", "\(load.peakConcurrency) calls", sub: "peak reached; \(ReportNumbers.fixed(load.wallSeconds, 1)) s wall"))
            if let overhead = load.overhead {
                tiles.append(tile("server overhead p99", ReportNumbers.ms(overhead.p99), sub: "p50 \(ReportNumbers.ms(overhead.p50)) per turn"))
            }
            if let server = load.server {
                tiles.append(tile("server per call", "\(ReportNumbers.fixed(server.cpuPercentPerCall, 1)) % CPU",
                                  sub: "\(ReportNumbers.fixed(server.kilobytesPerCall)) KB memory; peak RSS \(ReportNumbers.fixed(server.peakResidentMB, 1)) MB"))
            } else {
                tiles.append(tile("server per call", "–", sub: "not measured (no --server-pid)"))
            }
        }
        var html = "<div class=\"tiles\">" + tiles.joined() + "</div>"
        if let errors = load?.errors, !errors.isEmpty {
            html += "<table class=\"errors\"><caption>Failure reasons</caption>"
            for (reason, count) in errors.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                html += "<tr><td class=\"n\">\(count)</td><td>\(HTMLText.escape(reason))</td></tr>"
            }
            html += "</table>"
        }
        return html
    }

    private func tile(_ name: String, _ value: String, sub: String, tone: String? = nil) -> String {
        let cls = tone.map { "tile \($0)" } ?? "tile"
        return "<div class=\"\(cls)\"><div class=\"k\">\(HTMLText.escape(name))</div><div class=\"v\">\(HTMLText.escape(value))</div>"
            + "<div class=\"sub\">\(HTMLText.escape(sub))</div></div>"
    }
}
