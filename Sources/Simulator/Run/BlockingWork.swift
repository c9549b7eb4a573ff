import Dispatch

/// Blocking work (reading a sound file or a server's trace) run on one Dispatch thread, so
/// Swift's cooperative pool — two threads here, shared by every call — is never held by it.
/// Serial: a load run's hundreds of calls reading their traces at once would otherwise make
/// Dispatch start a thread for each blocked read. Each call waits for its own item, so the
/// queue holds at most one item per call.
enum BlockingWork {
    private static let queue = DispatchQueue(label: "switchboard.simulate.blocking")

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
