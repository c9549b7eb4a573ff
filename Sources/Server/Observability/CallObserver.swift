import Logging
import SwitchboardCore

/// Who a call is, for its files, log lines and `/calls`.
public struct CallIdentity: Sendable {
    /// Twilio's CallSid (or the stream SID when a client sent none).
    public var id: String
    public var tenant: String?
    /// Unix ms.
    public var startedAtMs: Int
    public init(id: String, tenant: String?, startedAtMs: Int) {
        self.id = id
        self.tenant = tenant
        self.startedAtMs = startedAtMs
    }
}

/// Where a call's observations go: its stereo recording and transcript, its trace file, the
/// per-turn breakdown (log line and Prometheus histograms).
///
/// The call's socket handler reports what crosses the telephone side; nothing here blocks the
/// call: files are written off Swift's cooperative pool through bounded queues.
public final class CallObserver: Sendable {
    public init(call: CallIdentity, recordDirectory: String?, traceDirectory: String?, metrics: ServeMetrics, logger: Logger) {}

    /// Caller audio as Twilio sent it: µ-law 8 kHz, at media time `mediaMs` (ms since the
    /// stream started).
    public func callerAudio(_ payload: [UInt8], mediaMs: Int) {}

    /// A frame entering the graph from the telephone side (`start`, mark echoes, `dtmf`, `stop`).
    public func entering(_ frame: Frame) {}

    /// A frame leaving the graph for the telephone side, as it is sent: agent audio (with its
    /// `turn`), `mark`, `interrupt`, and every event that reaches the end (`trace`,
    /// `transcript`, `spoken`, `hangup`…).
    public func leaving(_ frame: Frame) {}

    /// Flushes and closes the call's files; after the call has ended, also when it was cut.
    public func close() async {}
}
