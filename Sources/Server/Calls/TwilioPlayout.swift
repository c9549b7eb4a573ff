import Synchronization

/// What Twilio's buffer holds for one call, as far as the server can tell: the audio it was
/// sent plays in real time after the audio before it, a `mark` comes back once the audio
/// before it has played, and `clear` drops the rest and sends every pending mark back.
///
/// A hang-up or transfer waits on this so the goodbye is heard: until every mark sent has come
/// back, or, should one never come, until the audio sent could have played plus a grace.
final class TwilioPlayout: Sendable {
    private struct State {
        var pendingMarks: Set<String> = []
        var playedUntil = ContinuousClock.now
        var lastAudioSent: ContinuousClock.Instant?
    }

    private let state = Mutex(State())

    func sent(audioMs: Double) {
        state.withLock { state in
            let now = ContinuousClock.now
            state.playedUntil = max(state.playedUntil, now) + .microseconds(Int64(audioMs * 1000))
            state.lastAudioSent = now
        }
    }

    func sent(mark name: String) { _ = state.withLock { $0.pendingMarks.insert(name) } }

    /// `clear`: what was buffered is dropped; Twilio echoes the marks (they arrive as `echoed`).
    func cleared() { state.withLock { $0.playedUntil = .now } }

    func echoed(mark name: String) { _ = state.withLock { $0.pendingMarks.remove(name) } }

    /// Nothing is buffered and every mark has come back.
    var isQuiet: Bool { state.withLock { $0.pendingMarks.isEmpty && $0.playedUntil <= .now } }

    /// When the agent last had audio sent (nil: never).
    var lastAudioSent: ContinuousClock.Instant? { state.withLock { $0.lastAudioSent } }

    /// Returns once every mark has come back, or at the latest when the buffered audio could
    /// have played plus `grace`.
    func waitUntilHeard(grace: Duration) async {
        let deadline = state.withLock { max($0.playedUntil, .now) } + grace
        while !state.withLock({ $0.pendingMarks.isEmpty }), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
