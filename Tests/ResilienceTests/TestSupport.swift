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
    let deadline = ContinuousClock.now + .seconds(5)
    while !condition() {
        guard ContinuousClock.now < deadline else { throw TimedOut() }
        try await Task.sleep(for: .milliseconds(2))
    }
}

/// The value of `task`, or `TimedOut` after five real seconds: a broken mechanism must fail a
/// test, not hang the suite.
func value<T: Sendable>(of task: Task<T, any Error>) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await task.value }
        group.addTask {
            try await Task.sleep(for: .seconds(5))
            task.cancel()
            throw TimedOut()
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}
