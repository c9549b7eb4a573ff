import Foundation

/// How `switchboard mock-providers` behaves.
public struct MockConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port (reported once the server runs).
    public var port = 0
    /// Transcripts handed out in turn by the transcription route, one per line.
    public var transcripts: [String] = ["hello"]
    /// Chat replies handed out in turn; empty means echo the last user message.
    public var replies: [String] = []
    public var faults: [MockRoute: MockFaults] = [:]
    public var seed: UInt64 = 1
    /// The Basic-auth credentials the Twilio call route accepts.
    public var twilioAccountSID = "ACtest"
    public var twilioAuthToken = "test-token"
    /// Call SIDs the Twilio call route answers with 404 (error 20404), as calls that have ended.
    public var twilioEndedCalls: Set<String> = []

    public init() {}

    public func faults(for route: MockRoute) -> MockFaults { faults[route] ?? MockFaults() }

    /// Reads a faults file: a JSON object from route name to faults, e.g.
    /// `{"chat": {"ttfb_ms": 300, "rate_limit": 0.2, "stall_after": 5}}`.
    public static func faults(fromJSON data: Data) throws -> [MockRoute: MockFaults] {
        let decoded = try JSONDecoder().decode([String: MockFaults].self, from: data)
        var faults: [MockRoute: MockFaults] = [:]
        for (name, value) in decoded {
            guard let route = MockRoute(rawValue: name) else {
                throw MockConfigurationError("unknown route \"\(name)\" in faults (routes: \(MockRoute.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            faults[route] = value
        }
        return faults
    }
}

public struct MockConfigurationError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
