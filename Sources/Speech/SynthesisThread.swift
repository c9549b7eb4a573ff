import DequeModule
import Foundation

/// The one thread libespeak-ng runs on, and the bounded queue of work waiting for it.
///
/// A plain OS thread, created once per process: synthesis is CPU work in a C library that
/// blocks until a text is spoken, which must never occupy one of Swift's cooperative threads
/// (two, on a two-core machine serving hundreds of calls). Everything that touches espeak's
/// global state — initialisation, voice changes, synthesis — happens here, one item at a time.
final class SynthesisThread: @unchecked Sendable {
    enum Work {
        case speak(EspeakJob)
        /// Runs with the engine (nil if it failed to start, with the reason).
        case call(@Sendable (EspeakEngine?, SpeechError?) -> Void)
    }

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var queue = Deque<Work>()

    init() {
        let thread = Thread { [self] in run() }
        thread.name = "espeak-ng"
        thread.start()
    }

    /// Queues `work`, or throws `queueFull` when `limit` items already wait.
    func submit(_ work: Work, limit: Int) throws(SpeechError) {
        condition.lock()
        defer { condition.unlock() }
        guard queue.count < limit else { throw .queueFull(limit: limit) }
        queue.append(work)
        condition.signal()
    }

    /// Takes out the queued jobs for which `matches` holds (they have not started).
    func remove(where matches: (EspeakJob) -> Bool) -> [EspeakJob] {
        condition.lock()
        defer { condition.unlock() }
        var removed: [EspeakJob] = []
        queue.removeAll { work in
            guard case .speak(let job) = work, matches(job) else { return false }
            removed.append(job)
            return true
        }
        return removed
    }

    private func next() -> Work {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty { condition.wait() }
        return queue.removeFirst()
    }

    private func run() {
        var engine: EspeakEngine?
        var startError: SpeechError?
        do throws(SpeechError) { engine = try EspeakEngine() } catch { startError = error }
        while true {
            switch next() {
            case .call(let body):
                body(engine, startError)
            case .speak(let job):
                guard let engine else {
                    job.finish(startError)
                    continue
                }
                if job.isCancelled {
                    job.finish(nil)
                    continue
                }
                job.finish(engine.speak(job))
            }
        }
    }
}
