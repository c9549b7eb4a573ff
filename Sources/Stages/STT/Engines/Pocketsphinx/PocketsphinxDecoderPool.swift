import Synchronization

/// The process's pocketsphinx decoders: at most `size`, each on a thread of its own, created
/// when first needed and shared by every call.
///
/// A call borrows a decoder for one utterance (`withDecoder`). When all are lent out, callers
/// wait their turn, first come first served, suspended rather than blocking a thread; a waiter
/// whose task is cancelled leaves the queue. A decoder always comes back, whether the
/// utterance ended, failed or was cancelled.
public final class PocketsphinxDecoderPool: Sendable {
    public let size: Int
    public let model: PocketsphinxModel

    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<DecoderThread, any Error>
    }

    private struct State {
        var idle: [DecoderThread] = []
        var created = 0
        var lent = 0
        var waiters: [Waiter] = []
        var nextWaiterID = 0
    }

    private let state = Mutex(State())

    public init(size: Int = 2, model: PocketsphinxModel = .debian) {
        self.size = max(1, size)
        self.model = model
    }

    /// Decoders created so far (never more than `size`).
    public var decodersCreated: Int { state.withLock { $0.created } }
    /// Decoders lent out now.
    public var decodersInUse: Int { state.withLock { $0.lent } }
    /// Callers waiting for a decoder now.
    public var waiting: Int { state.withLock { $0.waiters.count } }

    /// Runs `body` with a decoder of its own, waiting for one if all are busy. The decoder goes
    /// back to the pool when `body` returns or throws.
    func withDecoder<T>(_ body: (DecoderThread) async throws -> T) async throws -> T {
        let decoder = try await checkout()
        do {
            let result = try await body(decoder)
            checkIn(decoder)
            return result
        } catch {
            checkIn(decoder)
            throw error
        }
    }

    /// Checks every public rule of `grammar` on a decoder: builds its search and looks up its
    /// words. Throws `PocketsphinxError` (missing model, words not in the dictionary), so that
    /// a tool can refuse a grammar at start-up rather than at a caller's first words.
    public func check(_ grammar: RecognitionGrammar) async throws {
        try await withDecoder { thread in
            try await thread.perform { decoder in
                for rule in grammar.ruleNames { _ = try decoder.search(for: grammar, rule: rule) }
            }
        }
    }

    private func checkout() async throws -> DecoderThread {
        enum Grant { case idle(DecoderThread), create(Int), wait }
        let id = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            let grant: Grant = try state.withLock { state in
                try Task.checkCancellation()
                if state.waiters.isEmpty, let decoder = state.idle.popLast() {
                    state.lent += 1
                    return .idle(decoder)
                }
                if state.waiters.isEmpty, state.created < size {
                    state.created += 1
                    state.lent += 1
                    return .create(state.created)
                }
                return .wait
            }
            switch grant {
            case .idle(let decoder):
                return decoder
            case .create(let number):
                return try await start(DecoderThread(model: model, name: "pocketsphinx-\(number)"))
            case .wait:
                let decoder = try await withCheckedThrowingContinuation { continuation in
                    let cancelled = state.withLock { state in
                        if Task.isCancelled { return true }
                        state.waiters.append(Waiter(id: id, continuation: continuation))
                        return false
                    }
                    if cancelled { continuation.resume(throwing: CancellationError()) }
                }
                return decoder
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Loads a new thread's decoder before lending it; one that cannot start is given up (and
    /// its place freed for another attempt).
    private func start(_ thread: DecoderThread) async throws -> DecoderThread {
        do {
            try await thread.perform { _ in }
            return thread
        } catch {
            thread.stop()
            let next = state.withLock { state -> Waiter? in
                state.created -= 1
                state.lent -= 1
                return state.waiters.isEmpty ? nil : state.waiters.removeFirst()
            }
            // The next waiter tries (and most likely fails) on its own rather than wait forever.
            next?.continuation.resume(throwing: error)
            throw error
        }
    }

    private func checkIn(_ decoder: DecoderThread) {
        let waiter = state.withLock { state -> Waiter? in
            guard !state.waiters.isEmpty else {
                state.lent -= 1
                state.idle.append(decoder)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.continuation.resume(returning: decoder)
    }
}
