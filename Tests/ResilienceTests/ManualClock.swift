import Foundation
@testable import Resilience

/// A clock that moves only when the test says so.
final class ManualClock: ResilienceClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current = Duration.zero
    private var sleepers: [(id: Int, deadline: Duration, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextID = 0

    func now() -> Duration { lock.withLock { current } }

    var sleeping: Int { lock.withLock { sleepers.count } }

    func sleep(for duration: Duration) async throws {
        let id = lock.withLock { () -> Int in
            nextID += 1
            return nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let ready: Bool = lock.withLock {
                    if Task.isCancelled { return true }
                    if duration <= .zero { return true }
                    sleepers.append((id, current + duration, continuation))
                    return false
                }
                if ready { continuation.resume(with: Task.isCancelled ? .failure(CancellationError()) : .success(())) }
            }
        } onCancel: {
            let cancelled = lock.withLock { () -> CheckedContinuation<Void, any Error>? in
                guard let index = sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return sleepers.remove(at: index).continuation
            }
            cancelled?.resume(throwing: CancellationError())
        }
    }

    func advance(by duration: Duration) {
        let due: [CheckedContinuation<Void, any Error>] = lock.withLock {
            current += duration
            let due = sleepers.filter { $0.deadline <= current }
            sleepers.removeAll { $0.deadline <= current }
            return due.map(\.continuation)
        }
        due.forEach { $0.resume() }
    }

    /// Waits (in real time, briefly) until `count` tasks are asleep on this clock.
    func waitForSleepers(_ count: Int = 1) async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while sleeping < count {
            guard ContinuousClock.now < deadline else { throw TimedOut() }
            try await Task.sleep(for: .milliseconds(2))
        }
    }
}

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
