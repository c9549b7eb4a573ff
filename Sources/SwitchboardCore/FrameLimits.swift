/// Size limits every reader enforces (DESIGN §1).
public struct FrameLimits: Sendable {
    public var maxHeaderBytes: Int
    public var maxPayloadBytes: Int

    public init(maxHeaderBytes: Int = 64 * 1024, maxPayloadBytes: Int = 1024 * 1024) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxPayloadBytes = maxPayloadBytes
    }

    public static let standard = FrameLimits()
}
