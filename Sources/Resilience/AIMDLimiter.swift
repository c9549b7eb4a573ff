import Foundation

/// A concurrency limit that adapts like TCP's congestion window: +1 for every success, halved
/// on an overload signal (HTTP 429). One per provider, shared by every call in the process,
/// so a rate-limited provider gets fewer requests from all calls at once.
///
/// Several 429s usually arrive together, from requests that were all sent under the old
/// limit; halving once per 429 would collapse the limit. So each permit remembers the
/// limit's generation when it was granted, and only an overload from the current generation
/// halves it (and starts a new generation). Likewise only a success from the current
/// generation adds one: the requests sent under the old limit that did not get a 429 say
/// nothing about the new one, and counting them would undo the decrease (16 → 8 → 23).
///
/// With `maxWait`, a request that has queued that long gives up with `LimiterQueueTimeout`:
/// a caller on the line is better served by the next engine than by a growing queue.
public final class AIMDLimiter: @unchecked Sendable {
    public enum Outcome: Sendable { case success, overload, neutral }

    /// Held while a request runs; give it back with `release`.
    public struct Permit: Sendable, Hashable {
        fileprivate let id: Int
        fileprivate let generation: Int
    }

    /// A queued `acquire`, with the timer that ends its wait at `maxWait`.
    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Permit, any Error>
        var deadline: Task<Void, Never>?
    }

    public let minLimit: Int
    public let maxLimit: Int
    /// How long `acquire` may queue; nil waits for as long as it takes.
    public let maxWait: Duration?
    private let clock: any ResilienceClock
    private let lock = NSLock()
    // Guarded by `lock`:
    private var _limit: Int
    private var _inFlight = 0
    private var generation = 0
    private var waiters: [Waiter] = []
    private var nextWaiterID = 0
    /// Permits granted and not yet released, so a second release of one is a no-op.
    private var outstanding: Set<Int> = []
    private var nextPermitID = 0

    public init(initialLimit: Int, minLimit: Int = 1, maxLimit: Int, maxWait: Duration? = nil, clock: any ResilienceClock = SystemClock()) {
        self.minLimit = max(1, minLimit)
        self.maxLimit = max(self.minLimit, maxLimit)
        self.maxWait = maxWait
        self.clock = clock
        _limit = min(max(initialLimit, self.minLimit), self.maxLimit)
    }

    public var limit: Int { lock.withLock { _limit } }
    public var inFlight: Int { lock.withLock { _inFlight } }
    public var waiting: Int { lock.withLock { waiters.count } }

    /// Waits (first come, first served) for a free place. Cancelling the waiting task throws
    /// `CancellationError`, and waiting past `maxWait` throws `LimiterQueueTimeout`; either way
    /// no place is left taken.
    public func acquire() async throws -> Permit {
        let id = lock.withLock { () -> Int in
            nextWaiterID += 1
            return nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let granted: Permit? = lock.withLock {
                    if Task.isCancelled {
                        continuation.resume(throwing: CancellationError())
                        return nil
                    }
                    if waiters.isEmpty, _inFlight < _limit { return grant() }
                    waiters.append(Waiter(id: id, continuation: continuation, deadline: deadlineTimer(for: id)))
                    return nil
                }
                if let granted { continuation.resume(returning: granted) }
            }
        } onCancel: {
            removeWaiter(id)?.resume(throwing: CancellationError())
        }
    }

    /// A timer that fails waiter `id` once it has queued for `maxWait`; nil without a `maxWait`.
    private func deadlineTimer(for id: Int) -> Task<Void, Never>? {
        guard let maxWait else { return nil }
        return Task { [clock] in
            // Cancelled when the waiter is served or gives up first.
            guard (try? await clock.sleep(for: maxWait)) != nil else { return }
            removeWaiter(id)?.resume(throwing: LimiterQueueTimeout(waited: maxWait, limit: limit))
        }
    }

    /// Takes waiter `id` out of the queue (stopping its timer) if it is still there.
    private func removeWaiter(_ id: Int) -> CheckedContinuation<Permit, any Error>? {
        let removed: Waiter? = lock.withLock {
            guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return waiters.remove(at: index)
        }
        removed?.deadline?.cancel()
        return removed?.continuation
    }

    public func release(_ permit: Permit, outcome: Outcome) {
        let ready: [(Waiter, Permit)] = lock.withLock {
            guard outstanding.remove(permit.id) != nil else { return [] }
            _inFlight -= 1
            switch outcome {
            case .success where permit.generation == generation:
                _limit = min(maxLimit, _limit + 1)
            case .overload where permit.generation == generation:
                _limit = max(minLimit, _limit / 2)
                generation += 1
            case .success, .overload, .neutral:
                break
            }
            var ready: [(Waiter, Permit)] = []
            while _inFlight < _limit, !waiters.isEmpty {
                ready.append((waiters.removeFirst(), grant()))
            }
            return ready
        }
        for (waiter, permit) in ready {
            waiter.deadline?.cancel()
            waiter.continuation.resume(returning: permit)
        }
    }

    /// Call with `lock` held.
    private func grant() -> Permit {
        _inFlight += 1
        nextPermitID += 1
        outstanding.insert(nextPermitID)
        return Permit(id: nextPermitID, generation: generation)
    }

    /// Runs `body` holding a permit; its error, if a `ResilienceError` overload, shrinks
    /// the limit.
    public func run<T>(_ body: () async throws -> T) async throws -> T {
        let permit = try await acquire()
        do {
            let value = try await body()
            release(permit, outcome: .success)
            return value
        } catch {
            release(permit, outcome: (error as? any ResilienceError)?.isOverload == true ? .overload : .neutral)
            throw error
        }
    }
}
