import Metrics
import Prometheus

/// The per-call observers' metrics: the turn breakdown's histograms, and what an observer had
/// to drop to keep from holding up a call.
extension ServeMetrics {
    /// Buckets for one stage's share of a turn (seconds).
    static let stageBuckets: [Duration] = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000].map { .milliseconds($0) }
    /// Buckets for a whole turn, caller speech end to first audio (seconds).
    static let latencyBuckets: [Duration] = [100, 250, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000].map { .milliseconds($0) }

    /// `switchboard_turn_stage_seconds{stage=…}`: `endpointing`, `stt.final_latency`,
    /// `llm.ttft`, `sentence.first`, `tts.first_byte`, `overhead` (see `TurnBreakdown`).
    public func turnStage(_ stage: String) -> DurationHistogram {
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(metricName: "switchboard_turn_stage", unitName: "seconds",
                                             helpText: "Each stage's share of a turn's latency"),
            labels: [("stage", stage)], buckets: Self.stageBuckets)
    }

    /// `switchboard_turn_latency_seconds`: caller speech end to the turn's first audio sent.
    public var turnLatency: DurationHistogram {
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(metricName: "switchboard_turn_latency", unitName: "seconds",
                                             helpText: "Caller speech end to the agent's first audio sent"),
            labels: [], buckets: Self.latencyBuckets)
    }

    /// `switchboard_observer_dropped_total{what=…}`: `caller_audio_late`, `caller_audio_bad`,
    /// `agent_audio`, `recording` (the disk fell behind: silence written instead), `lines`.
    public func observerDropped(_ what: String, count: Int = 1) {
        guard count > 0 else { return }
        counter("switchboard_observer_dropped_total", [("what", what)]).increment(by: count)
    }

    /// `switchboard_observer_file_errors_total{file=…}`: a recording, transcript or trace file
    /// that could not be written (reported once per call and file).
    public func observerFileError(_ file: String) {
        counter("switchboard_observer_file_errors_total", [("file", file)]).increment()
    }
}
