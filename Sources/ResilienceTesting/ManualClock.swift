import Foundation
import Resilience

/// A clock that moves only when the test says so: timers, deadlines and back-offs that run on a
/// `ResilienceClock` fire when a test calls `advance`, never on the wall clock, so a test states
/// what happens at 200 ms instead of sleeping for it. Shared by every test target that drives
/// something time-based (the resilience kit, `llm-stream`'s barge-in timer).
public final class ManualClock: ResilienceClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current = Duration.zero
    private var sleepers: [(id: Int, deadline: Duration, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextID = 0

    public init() {}

    public func now() -> Duration { lock.withLock { current } }

    /// Tasks asleep on this clock now.
    public var sleeping: Int { lock.withLock { sleepers.count } }

    public func sleep(for duration: Duration) async throws {
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

    /// Moves time on and wakes every sleeper whose deadline it reaches.
    public func advance(by duration: Duration) {
        let due: [CheckedContinuation<Void, any Error>] = lock.withLock {
            current += duration
            let due = sleepers.filter { $0.deadline <= current }
            sleepers.removeAll { $0.deadline <= current }
            return due.map(\.continuation)
        }
        due.forEach { $0.resume() }
    }

    /// Waits (in real time, briefly) until `count` tasks are asleep on this clock: a timer is
    /// armed once its task sleeps, and only then does advancing the clock fire it.
    public func waitForSleepers(_ count: Int = 1, timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + timeout
        while sleeping < count {
            guard ContinuousClock.now < deadline else { throw SleepersTimedOut(expected: count, sleeping: sleeping) }
            try await Task.sleep(for: .milliseconds(2))
        }
    }
}

/// `waitForSleepers` gave up: what it waited for never went to sleep.
public struct SleepersTimedOut: Error, CustomStringConvertible {
    public let expected: Int
    public let sleeping: Int
    public var description: String { "waited for \(expected) sleepers on the manual clock; \(sleeping) asleep" }
}
