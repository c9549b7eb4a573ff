import SwitchboardCore

/// Sends at once: nothing is held, so an interrupt has nothing to take back.
struct DirectOutbox<Sink: FrameSink>: Outbox {
    let output: Sink
    func put(_ frame: Frame) async throws { try await output.send(frame) }
    func putUrgent(_ frame: Frame) async throws { try await output.send(frame) }
    func interrupt(through turn: Int) {}
}
