/// Always says the same text, streamed word by word: a configured greeting (`--greeting`).
public struct FixedReplyEngine: ResponseEngine {
    public let name: String
    public var reply: String
    public var wordsPerSecond: Double

    public init(name: String, reply: String, wordsPerSecond: Double) {
        self.name = name
        self.reply = reply
        self.wordsPerSecond = wordsPerSecond
    }

    public func respond(to prompt: Prompt) async throws -> AsyncThrowingStream<ResponseChunk, any Error> {
        WordStreamer(wordsPerSecond: wordsPerSecond).stream(reply)
    }
}
