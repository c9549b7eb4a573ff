import SwitchboardCore

/// Where `mulaw-encode` puts what it produces: straight to the output (`DirectOutbox`), or
/// into the queue a pacer plays out at real time (`PlayoutQueue`).
protocol Outbox: Sendable {
    /// Audio, marks and whatever must stay in order with the audio. May suspend while the
    /// output is behind (back-pressure).
    func put(_ frame: Frame) async throws
    /// Events that must not wait behind audio (an interrupt, pass-through events, errors).
    func putUrgent(_ frame: Frame) async throws
    /// Drops what is still held of turns ≤ `turn`.
    func interrupt(through turn: Int)
}
