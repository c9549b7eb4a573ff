import Foundation
import StageOptions

/// `StageCatalog.parse` on a thread of its own. In a debug build ArgumentParser checks an option
/// set's declaration at every parse (a tenth of a second of CPU for llm-stream's nested groups);
/// on one of the shared pool's two threads that would hold up the real-time deadlines of other
/// targets' tests running alongside.
func parsed(_ argv: [String]) async throws -> (any StageOptionSet)? {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try StageCatalog.parse(argv) }) }.start()
    }
}
