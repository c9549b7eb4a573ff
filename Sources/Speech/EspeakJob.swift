import Channels
import Dispatch
import Synchronization

/// Audio as espeak-ng made it (22050 Hz), with the words that start in it.
struct RawSpeech: Sendable {
    var samples: [Int16]
    var words: [SpokenWord]
}

/// One request on its way through the synthesis thread.
///
/// The thread fills `output` from inside espeak's callback, which cannot suspend: it uses
/// `offer`, and when the reader has fallen a whole buffer behind it waits for `whenRoom` on a
/// semaphore, giving up after `stallTimeout` so one stuck reader cannot hold every other
/// call's speech. `cancelled` is read at each callback: setting it stops synthesis within one
/// buffer (about 60 ms of audio, well under a millisecond of work).
final class EspeakJob: Sendable {
    let request: SpeechRequest
    let output: BoundedChannel<RawSpeech>
    let stallTimeout: Duration
    private let cancelled = Atomic<Bool>(false)
    private let failure = Mutex<SpeechError?>(nil)
    /// Touched only by the synthesis thread while this job runs.
    nonisolated(unsafe) private var progress = Progress()

    private struct Progress {
        var words: WordText?
        var lastPosition = 0
    }

    init(request: SpeechRequest, bufferSamples: Int, stallTimeout: Duration) {
        self.request = request
        self.stallTimeout = stallTimeout
        self.output = BoundedChannel(limits: .init(count: 1 << 20, weight: bufferSamples), weight: { $0.samples.count })
    }

    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    func cancel() { cancelled.store(true, ordering: .relaxed) }

    /// Why the job ended early, once its output has ended.
    var error: SpeechError? { failure.withLock { $0 } }

    /// Ends the job: the reader drains what is queued, then sees `error` (if any).
    func finish(_ error: SpeechError? = nil) {
        if let error { failure.withLock { if $0 == nil { $0 = error } } }
        output.finish()
    }

    /// Ends the job now: synthesis stops at its next buffer, audio not yet read is dropped,
    /// and the reader sees `error` (or just the end).
    func drop(_ error: SpeechError? = nil) {
        cancel()
        if let error { failure.withLock { if $0 == nil { $0 = error } } }
        output.close()
    }

    // MARK: On the synthesis thread

    func starting() { progress = Progress(words: WordText(request.text)) }

    /// One callback's worth of audio and events. Returns false to abort synthesis.
    func deliver(_ samples: UnsafeBufferPointer<Int16>, words events: [(position: Int, ms: Int)]) -> Bool {
        if isCancelled { return false }
        var words: [SpokenWord] = []
        for event in events where event.position != progress.lastPosition {
            guard let text = progress.words?.word(atPosition: event.position) else { continue }
            progress.lastPosition = event.position
            words.append(SpokenWord(text: text, ms: event.ms))
        }
        guard !samples.isEmpty || !words.isEmpty else { return true }
        return send(RawSpeech(samples: Array(samples), words: words))
    }

    private func send(_ piece: RawSpeech) -> Bool {
        while true {
            switch output.offer(piece) {
            case .accepted: return true
            case .closed: return false
            case .full: if !waitForRoom() { return false }
            }
        }
    }

    /// Blocks the synthesis thread until the reader makes room, checking for cancellation
    /// every 20 ms. False when cancelled or stalled (then the job is failed).
    private func waitForRoom() -> Bool {
        let room = DispatchSemaphore(value: 0)
        output.whenRoom { room.signal() }
        let start = ContinuousClock.now
        while room.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
            if isCancelled { return false }
            if ContinuousClock.now - start >= stallTimeout {
                let seconds = Double(stallTimeout.components.seconds) + Double(stallTimeout.components.attoseconds) / 1e18
                failure.withLock { $0 = $0 ?? .readerStalled(seconds: seconds) }
                return false
            }
        }
        return true
    }
}
