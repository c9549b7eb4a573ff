import Dispatch

/// Blocking work (reading a sound file, waiting on a synthesizer process) run on Dispatch's
/// shared threads, so Swift's cooperative pool — two threads here, shared by every call — is
/// never held by it.
enum BlockingWork {
    private static let queue = DispatchQueue(label: "switchboard.simulate.blocking", attributes: .concurrent)

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
