import SwitchboardCore

/// Streams a finished text word by word at a steady rate, as an LLM streams tokens, so that
/// everything downstream (sentence splitting, TTS, barge-in) behaves as it would with one.
public struct WordStreamer: Sendable {
    /// Words per second; 0 sends every word at once.
    public var wordsPerSecond: Double

    public init(wordsPerSecond: Double) { self.wordsPerSecond = wordsPerSecond }

    /// `leading` at once, then the words of `text` with their leading space ("Hello",
    /// " there."). Stopping the iteration stops the clock.
    public func stream(_ text: String, after leading: [ResponseChunk] = []) -> AsyncThrowingStream<ResponseChunk, any Error> {
        let words = Self.words(text)
        let gap: Duration? = wordsPerSecond > 0 ? .nanoseconds(Int64(1e9 / wordsPerSecond)) : nil
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for chunk in leading { continuation.yield(chunk) }
                    for (index, word) in words.enumerated() {
                        if index > 0, let gap { try await Task.sleep(for: gap) }
                        continuation.yield(.text(word))
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Whitespace-separated words, each after the first with one leading space.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).enumerated().map { $0.offset == 0 ? String($0.element) : " " + $0.element }
    }
}
