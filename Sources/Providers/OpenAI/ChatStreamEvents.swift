/// The events of a streamed chat completion, decoded from its Server-Sent Events as they are
/// read: up to `data: [DONE]`. A body that ends before `[DONE]` was cut off, which is an error
/// rather than a short answer.
struct ChatStreamEvents<Events: AsyncIteratorProtocol>: AsyncIteratorProtocol where Events.Element == SSEEvent {
    private var events: Events
    /// The events of the last chunk not yet handed out (one chunk can carry text, the finish
    /// reason and the usage).
    private var decoded: [ChatStreamEvent] = []
    private var position = 0
    private var ended = false

    init(_ events: Events) { self.events = events }

    mutating func next() async throws -> ChatStreamEvent? {
        while position == decoded.count {
            if ended { return nil }
            guard let event = try await events.next() else {
                ended = true
                throw ProviderError(kind: .protocolError, message: "stream ended without [DONE]")
            }
            if event.isDone {
                ended = true
                return nil
            }
            decoded = try ChatCompletionsClient.decode(event)
            position = 0
        }
        defer { position += 1 }
        return decoded[position]
    }
}
