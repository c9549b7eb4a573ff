import Foundation

/// The JSON report of a `switchboard simulate` run: every call, and for a load run the
/// summary over them. One shape for one call or a thousand, so a script reads both alike.
public struct SimulationReport: Sendable, Codable, Equatable {
    public var calls: [CallReport]
    public var load: LoadReport?

    public init(calls: [CallReport], load: LoadReport? = nil) {
        self.calls = calls
        self.load = load
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
