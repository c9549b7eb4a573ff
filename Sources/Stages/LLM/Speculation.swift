import Resilience

/// An answer started on a settled interim transcript before the final arrived. Its output is
/// held back; if the final says the same (normalized), it becomes the turn and the time it ran
/// ahead is saved, otherwise it is cancelled.
struct Speculation {
    let normalized: String
    let generation: Int
    let task: Task<Void, Never>
    /// On the stage's clock.
    let startedAt: Duration
    private(set) var buffered: [Served<ResponseChunk>] = []
    private(set) var firstTextAt: Duration?
    private(set) var isEnded = false
    private(set) var error: (any Error)?

    init(text: String, generation: Int, task: Task<Void, Never>, startedAt: Duration) {
        self.normalized = CallerTurn.normalize(text)
        self.generation = generation
        self.task = task
        self.startedAt = startedAt
    }

    func matches(_ final: String) -> Bool { CallerTurn.normalize(final) == normalized }

    mutating func buffer(_ served: Served<ResponseChunk>, at now: Duration) {
        if case .text = served.element, firstTextAt == nil { firstTextAt = now }
        buffered.append(served)
    }

    mutating func ended(error: (any Error)?) {
        isEnded = true
        self.error = error
    }

    /// Time to first token saved: how long it ran before the final, but no more than the
    /// engine needed for its first token.
    func savedMs(at final: Duration) -> Double {
        let end = min(firstTextAt ?? final, final)
        return max(0, (end - startedAt).milliseconds)
    }
}
