import Foundation

/// One OS thread that owns one pocketsphinx decoder and runs the work asked of it, in order.
///
/// Decoding is CPU work inside a C library that does not return until it is done: it must not
/// run on one of Swift's cooperative threads (two, on a two-core machine carrying every call).
/// The decoder is created on this thread at its first job (`ps_init` takes about 0.3 s) and is
/// only ever touched here, so it needs no lock. A pool lends a thread to one utterance at a
/// time, so at most a handful of jobs queue here.
final class DecoderThread: @unchecked Sendable {
    private typealias Job = (Result<PocketsphinxDecoder, PocketsphinxError>) -> Void

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var stopping = false

    init(model: PocketsphinxModel, name: String) {
        let thread = Thread { [self] in run(model: model) }
        thread.name = name
        thread.start()
    }

    /// Runs `body` with the decoder on this thread, suspending (not blocking) the caller.
    /// Throws the reason the decoder could not be created, or what `body` throws.
    func perform<T: Sendable>(_ body: @escaping @Sendable (PocketsphinxDecoder) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit { decoder in
                continuation.resume(with: Result { try body(decoder.get()) })
            }
        }
    }

    /// The thread ends once the queued jobs have run; the decoder is freed with it.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func submit(_ job: @escaping Job) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func next() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty && !stopping { condition.wait() }
        return jobs.isEmpty ? nil : jobs.removeFirst()
    }

    private func run(model: PocketsphinxModel) {
        var decoder: Result<PocketsphinxDecoder, PocketsphinxError>?
        while let job = next() {
            if decoder == nil {
                do throws(PocketsphinxError) { decoder = .success(try PocketsphinxDecoder(model: model)) } catch { decoder = .failure(error) }
            }
            job(decoder!)
        }
    }
}
