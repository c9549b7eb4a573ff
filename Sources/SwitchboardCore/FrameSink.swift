/// Where a stage sends its frames: stdout, a subprocess, the next in-process stage, a socket.
public protocol FrameSink: Sendable {
    /// Sends one frame; may suspend when the receiver is slower (back-pressure).
    func send(_ frame: Frame) async throws
    /// Called once, after the last frame: write out anything held back.
    func finish() async throws
}

extension FrameSink {
    public func send(_ event: Event) async throws { try await send(.event(event)) }
    public func send(_ audio: AudioFrame) async throws { try await send(.audio(audio)) }
}
