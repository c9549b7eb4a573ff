import DequeModule
import Synchronization

/// A bounded queue between producers and one consumer, with an urgent lane: the one queue
/// primitive of the project (graph edges, the playout queue, provider bodies).
///
/// * **Bounded.** It holds at most `limits.count` elements and `limits.weight` units of
///   weight (bytes, for frames). `send` suspends while it is full, so a slow consumer slows
///   its producer down instead of letting memory grow (back-pressure). A producer that
///   cannot suspend (a C callback thread) uses `offer` and is called back when room appears.
/// * **Urgent lane.** Elements for which `isUrgent` holds are queued apart and handed out
///   first, so an `interrupt` overtakes the audio queued before it. The urgent lane has its
///   own bound of `limits.count` elements.
/// * **Batches.** The consumer takes everything queued at once (`nextBatch`), one lock per
///   batch rather than per element; iterating the channel as an `AsyncSequence` does this.
/// * **Both ends can stop.** `finish` (producer side): the consumer drains what is queued,
///   then sees the end. `close` (consumer side): queued elements are dropped and every
///   `send`, waiting or future, throws `ChannelClosed`, so a producer blocked on a consumer
///   that went away is released.
///
/// Cancelling a task suspended in `send` throws `CancellationError` and leaves nothing queued;
/// cancelling one suspended in `nextBatch` ends its iteration (an empty batch).
public final class BoundedChannel<Element: Sendable>: Sendable {
    public struct Limits: Sendable {
        public var count: Int
        public var weight: Int

        public init(count: Int, weight: Int = .max) {
            self.count = Swift.max(1, count)
            self.weight = Swift.max(1, weight)
        }
    }

    public enum Offer: Sendable, Equatable {
        case accepted
        /// Full: call `whenRoom` and try again when called back.
        case full
        case closed
    }

    private struct Sender {
        let id: Int
        let continuation: UnsafeContinuation<Void, any Error>
    }

    private struct State: ~Copyable {
        var normal = Deque<Element>()
        var urgent = Deque<Element>()
        var weight = 0
        var finished = false
        var closed = false
        var receiver: UnsafeContinuation<Void, Never>?
        var senders = Deque<Sender>()
        var nextSenderID = 0
        var roomCallbacks: [@Sendable () -> Void] = []
        var handedOut = 0

        var isEmpty: Bool { normal.isEmpty && urgent.isEmpty }

        mutating func takeReceiver() -> UnsafeContinuation<Void, Never>? {
            defer { receiver = nil }
            return receiver
        }

        /// Everyone waiting for room: they try again (there are few producers per channel).
        mutating func takeWaitingProducers() -> (senders: [Sender], callbacks: [@Sendable () -> Void]) {
            if senders.isEmpty && roomCallbacks.isEmpty { return ([], []) }
            defer {
                senders.removeAll()
                roomCallbacks.removeAll()
            }
            return (Array(senders), roomCallbacks)
        }
    }

    public let limits: Limits
    private let weigh: @Sendable (Element) -> Int
    private let isUrgent: @Sendable (Element) -> Bool
    private let state = Mutex(State())

    public init(
        limits: Limits, weight: @escaping @Sendable (Element) -> Int = { _ in 0 },
        isUrgent: @escaping @Sendable (Element) -> Bool = { _ in false }
    ) {
        self.limits = limits
        self.weigh = weight
        self.isUrgent = isUrgent
    }

    // MARK: Producer side

    /// Queues `element`, suspending while the channel is full. Throws `ChannelClosed` once the
    /// consumer has closed the channel.
    public func send(_ element: Element) async throws {
        let urgent = isUrgent(element)
        let weight = urgent ? 0 : weigh(element)
        while true {
            switch offer(element, urgent: urgent, weight: weight) {
            case .accepted: return
            case .closed: throw ChannelClosed()
            case .full: try await waitForRoom(urgent: urgent)
            }
        }
    }

    /// Queues `element` if there is room, without suspending.
    public func offer(_ element: Element) -> Offer {
        let urgent = isUrgent(element)
        return offer(element, urgent: urgent, weight: urgent ? 0 : weigh(element))
    }

    /// Calls `callback` once, as soon as there is room (or the channel is closed); at once if
    /// there is room already. For producers that cannot suspend (see `offer`).
    public func whenRoom(_ callback: @escaping @Sendable () -> Void) {
        let now: Bool = state.withLock { state in
            if state.closed || hasRoom(state) { return true }
            state.roomCallbacks.append(callback)
            return false
        }
        if now { callback() }
    }

    /// No more elements will be sent: the consumer gets what is queued, then the end; a later
    /// `send` throws `ChannelClosed`.
    public func finish() {
        let receiver = state.withLock { state -> UnsafeContinuation<Void, Never>? in
            state.finished = true
            return state.takeReceiver()
        }
        receiver?.resume()
    }

    // MARK: Consumer side

    /// Everything queued (urgent elements first), at most `max`; waits while nothing is.
    /// Empty means the end: finished and drained, closed, or the waiting task was cancelled.
    public func nextBatch(max: Int = .max) async -> [Element] {
        var batch: [Element] = []
        await nextBatch(into: &batch, max: max)
        return batch
    }

    /// `nextBatch(max:)` into a caller's array, replacing its contents but keeping its storage:
    /// a consumer that takes one element per wake-up (20 ms audio) allocates nothing per batch.
    public func nextBatch(into batch: inout [Element], max: Int = .max) async {
        batch.removeAll(keepingCapacity: true)
        while true {
            let (waiting, ended) = state.withLock { state in
                while batch.count < max, let element = state.urgent.popFirst() { batch.append(element) }
                while batch.count < max, let element = state.normal.popFirst() {
                    state.weight -= weigh(element)
                    batch.append(element)
                }
                state.handedOut += batch.count
                let ended = batch.isEmpty && (state.finished || state.closed)
                return (batch.isEmpty ? ([], []) : state.takeWaitingProducers(), ended)
            }
            wake(waiting)
            if !batch.isEmpty || ended { return }
            if Task.isCancelled { return }
            await waitForElements()
            if Task.isCancelled { return }
        }
    }

    /// The consumer is going away: drops what is queued and makes every `send` throw.
    public func close() {
        let (waiting, receiver) = state.withLock { state in
            state.closed = true
            state.normal.removeAll()
            state.urgent.removeAll()
            state.weight = 0
            return (state.takeWaitingProducers(), state.takeReceiver())
        }
        wake(waiting)
        receiver?.resume()
    }

    /// Takes out queued (non-urgent) elements, e.g. the audio of an interrupted turn.
    public func removeAll(where shouldRemove: (Element) -> Bool) {
        let waiting = state.withLock { state in
            let before = state.normal.count
            state.normal.removeAll { element in
                guard shouldRemove(element) else { return false }
                state.weight -= weigh(element)
                return true
            }
            return state.normal.count < before ? state.takeWaitingProducers() : ([], [])
        }
        wake(waiting)
    }

    /// Elements queued now (both lanes).
    public var count: Int { state.withLock { $0.normal.count + $0.urgent.count } }
    /// Elements the consumer has taken so far: a watchdog that sees it unchanged while
    /// elements wait knows the consumer has stopped.
    public var handedOut: Int { state.withLock { $0.handedOut } }

    // MARK: Inside

    private func offer(_ element: Element, urgent: Bool, weight: Int) -> Offer {
        let (result, receiver) = state.withLock { state -> (Offer, UnsafeContinuation<Void, Never>?) in
            if state.closed || state.finished { return (.closed, nil) }
            if urgent {
                guard state.urgent.count < limits.count else { return (.full, nil) }
                state.urgent.append(element)
            } else {
                guard hasRoom(state) else { return (.full, nil) }
                state.normal.append(element)
                state.weight += weight
            }
            return (.accepted, state.takeReceiver())
        }
        receiver?.resume()
        return result
    }

    /// Room for one more normal element. An element heavier than the whole bound still goes
    /// into an empty channel, or it could never be sent.
    private func hasRoom(_ state: borrowing State) -> Bool {
        state.normal.isEmpty || (state.normal.count < limits.count && state.weight < limits.weight)
    }

    private func hasRoom(_ state: borrowing State, urgent: Bool) -> Bool {
        urgent ? state.urgent.count < limits.count : hasRoom(state)
    }

    /// Resumes waiting producers; `send` retries, so a closed channel makes it throw.
    private func wake(_ waiting: (senders: [Sender], callbacks: [@Sendable () -> Void])) {
        waiting.senders.forEach { $0.continuation.resume() }
        waiting.callbacks.forEach { $0() }
    }

    private func waitForRoom(urgent: Bool) async throws {
        let id = state.withLock { state in
            state.nextSenderID += 1
            return state.nextSenderID
        }
        try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Void, any Error>) in
                let ready: Result<Void, any Error>? = state.withLock { state in
                    if state.closed { return .failure(ChannelClosed()) }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if hasRoom(state, urgent: urgent) { return .success(()) }
                    state.senders.append(Sender(id: id, continuation: continuation))
                    return nil
                }
                if let ready { continuation.resume(with: ready) }
            }
        } onCancel: {
            let cancelled = state.withLock { state -> Sender? in
                guard let index = state.senders.firstIndex(where: { $0.id == id }) else { return nil }
                return state.senders.remove(at: index)
            }
            cancelled?.continuation.resume(throwing: CancellationError())
        }
    }

    private func waitForElements() async {
        await withTaskCancellationHandler {
            await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
                let ready = state.withLock { state in
                    if !state.isEmpty || state.finished || state.closed || Task.isCancelled { return true }
                    state.receiver = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.takeReceiver() }?.resume()
        }
    }
}

extension BoundedChannel: AsyncSequence {
    public typealias Failure = Never

    public func makeAsyncIterator() -> Iterator { Iterator(channel: self) }

    /// Hands out the channel's batches one element at a time.
    public struct Iterator: AsyncIteratorProtocol {
        let channel: BoundedChannel
        var batch: [Element] = []
        var position = 0
        /// Small enough that an urgent element rarely waits behind a batch already taken.
        public static var batchSize: Int { 16 }

        public mutating func next(isolation actor: isolated (any Actor)?) async -> Element? {
            if position == batch.count {
                await channel.nextBatch(into: &batch, max: Self.batchSize)
                position = 0
                if batch.isEmpty { return nil }
            }
            defer { position += 1 }
            return batch[position]
        }

        public mutating func next() async -> Element? { await next(isolation: nil) }
    }
}

/// The consumer closed the channel: nothing more will be read.
public struct ChannelClosed: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "the receiving side has closed" }
}
