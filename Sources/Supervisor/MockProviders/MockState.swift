import Foundation
import Resilience
import SwitchboardCore

/// What the mock remembers between requests: the next scripted lines, the seeded random
/// source, and counts for `/mock/stats`. One lock; every operation is a few instructions.
final class MockState: @unchecked Sendable {
    private let lock = NSLock()
    private let configuration: MockConfiguration
    private var random: SplitMix
    private var nextTranscript = 0
    private var nextReply = 0
    private var counts: [MockRoute: [String: Int]] = [:]
    /// What clients sent, for tests to assert on (bounded: see `recordLimit`).
    private var listenConnections: [MockListenConnection] = []
    private var transcriptionUploads: [MockTranscriptionUpload] = []
    private var twilioCallUpdates: [MockTwilioCallUpdate] = []
    static let recordLimit = 1000

    init(configuration: MockConfiguration) {
        self.configuration = configuration
        self.random = SplitMix(seed: configuration.seed)
    }

    /// Draws the fate of a request on `route` and counts it.
    func outcome(for route: MockRoute) -> MockOutcome {
        let faults = configuration.faults(for: route)
        return lock.withLock {
            let draw = Double(random.next() >> 11) / Double(1 << 53)
            let spent = faults.faultyRequests.map { (counts[route]?["requests"] ?? 0) >= $0 } ?? false
            let outcome: MockOutcome =
                if spent { .ok }
                else if draw < faults.rateLimit { .rateLimited }
                else if draw < faults.rateLimit + faults.serverError { .serverError }
                else if faults.stallAfter != nil { .stall }
                else if faults.disconnectAfter != nil { .disconnect }
                else { .ok }
            counts[route, default: [:]]["requests", default: 0] += 1
            counts[route, default: [:]][outcome.rawValue, default: 0] += 1
            return outcome
        }
    }

    /// A random extra delay of up to `jitterMs`.
    func jitter(_ jitterMs: Int) -> Duration {
        guard jitterMs > 0 else { return .zero }
        return lock.withLock { .milliseconds(Int(random.next() % UInt64(jitterMs + 1))) }
    }

    func transcript() -> String {
        lock.withLock {
            defer { nextTranscript += 1 }
            return configuration.transcripts.isEmpty ? "" : configuration.transcripts[nextTranscript % configuration.transcripts.count]
        }
    }

    /// The next scripted reply, or nil to echo.
    func reply() -> String? {
        lock.withLock {
            guard !configuration.replies.isEmpty else { return nil }
            defer { nextReply += 1 }
            return configuration.replies[nextReply % configuration.replies.count]
        }
    }

    func count(_ route: MockRoute, _ what: String) {
        lock.withLock { counts[route, default: [:]][what, default: 0] += 1 }
    }

    /// A new Deepgram live connection; its number for `recordListen`, nil past the limit.
    func openListen(_ connection: MockListenConnection) -> Int? {
        lock.withLock {
            guard listenConnections.count < Self.recordLimit else { return nil }
            listenConnections.append(connection)
            return listenConnections.count - 1
        }
    }

    func recordListen(_ number: Int?, _ change: (inout MockListenConnection) -> Void) {
        guard let number else { return }
        lock.withLock { change(&listenConnections[number]) }
    }

    var listens: [MockListenConnection] { lock.withLock { listenConnections } }

    func recordUpload(_ upload: MockTranscriptionUpload) {
        lock.withLock { if transcriptionUploads.count < Self.recordLimit { transcriptionUploads.append(upload) } }
    }

    var uploads: [MockTranscriptionUpload] { lock.withLock { transcriptionUploads } }

    func recordCallUpdate(_ update: MockTwilioCallUpdate) {
        lock.withLock { if twilioCallUpdates.count < Self.recordLimit { twilioCallUpdates.append(update) } }
    }

    var callUpdates: [MockTwilioCallUpdate] { lock.withLock { twilioCallUpdates } }

    /// `/mock/stats`: counts per route and outcome.
    var stats: JSON {
        lock.withLock {
            var routes = JSONObject()
            for route in MockRoute.allCases {
                var object = JSONObject()
                for (key, value) in (counts[route] ?? [:]).sorted(by: { $0.key < $1.key }) { object[key] = .int(value) }
                routes[route.rawValue] = .object(object)
            }
            return .object(["routes": .object(routes)])
        }
    }
}

