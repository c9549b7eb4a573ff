import Synchronization

/// The caller's observations in order, and a way to wait for the next one that matters
/// ("the agent finished a turn") without polling: each waiter is a continuation resumed by
/// the `record` that satisfies it, or by its timeout.
public final class TurnTimeline: Sendable {
    /// A long call's events stay well under this; beyond it the oldest are dropped so memory
    /// stays bounded, and indices keep counting.
    public static let maxEvents = 50_000
    /// Waiters at once; more is a caller bug (a leak), refused rather than kept.
    public static let maxWaiters = 1_000

    private struct Waiter {
        var after: Int
        var matches: @Sendable (CallerLineEvent) -> Bool
        var continuation: CheckedContinuation<CallerLineEvent?, Never>
    }

    private struct State {
        var events: [CallerLineEvent] = []
        /// How many were dropped from the front (so `count` keeps counting every event).
        var dropped = 0
        var waiters: [Int: Waiter] = [:]
        /// Waits whose timeout fired before they were registered: they end at registration.
        var expired: Set<Int> = []
        var nextWaiter = 0
        var finished = false
    }

    private let state = Mutex(State())

    public init() {}

    /// Every event kept, oldest first.
    public var events: [CallerLineEvent] { state.withLock { $0.events } }
    /// How many events were ever recorded: an index to wait after.
    public var count: Int { state.withLock { $0.dropped + $0.events.count } }

    public func record(_ event: CallerLineEvent) {
        let resumed = state.withLock { state -> [(CheckedContinuation<CallerLineEvent?, Never>, CallerLineEvent?)] in
            guard !state.finished else { return [] }
            state.events.append(event)
            if state.events.count > Self.maxEvents {
                let excess = state.events.count - Self.maxEvents
                state.events.removeFirst(excess)
                state.dropped += excess
            }
            let index = state.dropped + state.events.count - 1
            var resumed: [(CheckedContinuation<CallerLineEvent?, Never>, CallerLineEvent?)] = []
            for (id, waiter) in state.waiters where index >= waiter.after && waiter.matches(event) {
                resumed.append((waiter.continuation, event))
                state.waiters[id] = nil
            }
            if case .closed = event.kind {
                // Nothing more will come: the rest wait in vain, so they learn it now.
                state.finished = true
                for waiter in state.waiters.values { resumed.append((waiter.continuation, nil)) }
                state.waiters.removeAll()
            }
            return resumed
        }
        for (continuation, event) in resumed { continuation.resume(returning: event) }
    }

    /// The first event at index `after` or later that `matches`: one already recorded, or the
    /// next one to come. Nil after `timeout`, or once the line closed without one.
    public func first(after: Int = 0, timeout: Duration, where matches: @escaping @Sendable (CallerLineEvent) -> Bool) async -> CallerLineEvent? {
        let id = state.withLock { state -> Int in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        let timer = Task {
            do { try await Task.sleep(for: timeout) } catch { return }
            self.resume(id, with: nil, expiring: true)
        }
        defer {
            timer.cancel()
            _ = state.withLock { $0.expired.remove(id) }
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let immediate = state.withLock { state -> (found: Bool, event: CallerLineEvent?) in
                    let kept = max(0, after - state.dropped)
                    if kept < state.events.count, let event = state.events[kept...].first(where: matches) { return (true, event) }
                    if state.expired.remove(id) != nil || state.finished || state.waiters.count >= Self.maxWaiters || Task.isCancelled { return (true, nil) }
                    state.waiters[id] = Waiter(after: after, matches: matches, continuation: continuation)
                    return (false, nil)
                }
                if immediate.found { continuation.resume(returning: immediate.event) }
            }
        } onCancel: {
            self.resume(id, with: nil)
        }
    }

    private func resume(_ id: Int, with event: CallerLineEvent?, expiring: Bool = false) {
        let waiter = state.withLock { state in
            let waiter = state.waiters.removeValue(forKey: id)
            if waiter == nil && expiring { state.expired.insert(id) }
            return waiter
        }
        waiter?.continuation.resume(returning: event)
    }
}
