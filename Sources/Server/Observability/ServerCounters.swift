import Metrics

/// The server's own counts and gauges, made once per process on its `ServeMetrics`.
public struct ServerCounters: Sendable {
    public let callsStarted: Counter
    public let callsEnded: Counter
    public let activeCalls: Gauge
    /// Calls refused at `/twiml` or at the socket, by reason.
    public let refusedFull: Counter
    public let refusedDraining: Counter
    /// Requests or sockets refused for a bad or missing `X-Twilio-Signature`.
    public let badSignatures: Counter
    public let agentHangups: Counter
    public let transfers: Counter
    public let idlePrompts: Counter
    public let idleHangups: Counter
    /// A call whose graph failed (every alternative of a node gone).
    public let graphFailures: Counter
    private let metrics: ServeMetrics

    public init(_ metrics: ServeMetrics) {
        self.metrics = metrics
        callsStarted = metrics.counter("switchboard_calls_started_total")
        callsEnded = metrics.counter("switchboard_calls_ended_total")
        activeCalls = metrics.gauge("switchboard_calls_active")
        refusedFull = metrics.counter("switchboard_calls_refused_total", [("reason", "at_capacity")])
        refusedDraining = metrics.counter("switchboard_calls_refused_total", [("reason", "draining")])
        badSignatures = metrics.counter("switchboard_bad_signatures_total")
        agentHangups = metrics.counter("switchboard_agent_hangups_total")
        transfers = metrics.counter("switchboard_transfers_total")
        idlePrompts = metrics.counter("switchboard_idle_prompts_total")
        idleHangups = metrics.counter("switchboard_idle_hangups_total")
        graphFailures = metrics.counter("switchboard_graph_failures_total")
    }

    /// A malformed or unexpected Twilio message, by kind (`bad_json`, `unknown_event`,
    /// `media_before_start`, `binary`, `no_start`, `socket` — a socket that failed, an
    /// oversized message among the causes).
    public func badMessage(_ kind: String) {
        metrics.counter("switchboard_bad_twilio_messages_total", [("kind", kind)]).increment()
    }

    /// A `<Stream statusCallback>` `stream-error`, by Twilio error code.
    public func streamError(code: String) {
        metrics.counter("switchboard_twilio_stream_errors_total", [("code", code)]).increment()
    }

    public func refused(_ refusal: CallRegistry.Refusal) {
        switch refusal {
        case .atCapacity: refusedFull.increment()
        case .draining: refusedDraining.increment()
        }
    }
}
