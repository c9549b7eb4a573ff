/// One request's audio, in its format, chunk by chunk as espeak-ng produces it; then the end,
/// or the error that stopped it (an unknown voice, `cancel(group:)`, a stalled reader).
///
/// Iterate it once. Cancelling the iterating task stops the synthesis at its next buffer and
/// throws `CancellationError`; dropping the stream unread does the same, silently.
public struct SpeechStream: AsyncSequence, Sendable {
    public typealias Element = SpeechChunk
    public typealias Failure = any Error

    let ticket: SpeechTicket
    public let format: SpeechFormat

    /// Stops this request (as cancelling its reader would).
    public func cancel() { ticket.synthesizer.cancel(ticket.job) }

    public func makeAsyncIterator() -> Iterator { Iterator(ticket: ticket, format: format) }

    public struct Iterator: AsyncIteratorProtocol {
        let ticket: SpeechTicket
        private var converter: Result<SpeechConverter, any Error>
        private var ended = false

        init(ticket: SpeechTicket, format: SpeechFormat) {
            self.ticket = ticket
            converter = Result { try SpeechConverter(to: format) }
        }

        public mutating func next() async throws -> SpeechChunk? {
            guard !ended else { return nil }
            let converter = try converter.get()
            let job = ticket.job
            // Up to half a second at once: one conversion per batch rather than per 60 ms
            // buffer, yet short work (~3 ms of resampling) for the reader's cooperative thread.
            let batch = await withTaskCancellationHandler {
                await job.output.nextBatch(max: 8)
            } onCancel: { [ticket] in
                ticket.synthesizer.cancel(ticket.job)
            }
            if batch.isEmpty {
                ended = true
                if Task.isCancelled { throw CancellationError() }
                if let error = job.error { throw error }
                let tail = converter.finish()
                return tail.isEmpty ? nil : SpeechChunk(audio: tail)
            }
            var samples: [Int16] = []
            var words: [SpokenWord] = []
            for piece in batch {
                samples += piece.samples
                words += piece.words
            }
            return SpeechChunk(audio: converter.convert(samples), words: words)
        }
    }
}
