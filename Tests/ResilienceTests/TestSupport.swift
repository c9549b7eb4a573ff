import Foundation
@testable import Resilience

struct TimedOut: Error {}

/// An error as a provider engine would raise it.
struct TestError: ResilienceError, Equatable {
    var isRetryable = true
    var retryAfter: Duration?
    var isOverload = false
}

/// Waits in real time for a condition another task makes true.
func eventually(_ condition: @Sendable () -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(30)
    while !condition() {
        guard ContinuousClock.now < deadline else { throw TimedOut() }
        try await Task.sleep(for: .milliseconds(2))
    }
}

/// The value of `task`, or `TimedOut` after 30 real seconds (a loaded machine can stall a test
/// for seconds; this is a guard, not a timing bound): a broken mechanism must fail a
/// test, not hang the suite.
func value<T: Sendable>(of task: Task<T, any Error>) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await task.value }
        group.addTask {
            try await Task.sleep(for: .seconds(30))
            task.cancel()
            throw TimedOut()
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}
