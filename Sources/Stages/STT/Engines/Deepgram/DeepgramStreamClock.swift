/// Deepgram counts time in seconds of audio received on one socket; the call counts
/// milliseconds since it began, and only utterances are sent, with gaps between them. This
/// remembers where each run of audio sent on the socket came from, to map a result's times
/// back to the call.
struct DeepgramStreamClock {
    /// A run of contiguous call audio sent as one stretch of the stream.
    private struct Span {
        var streamMs: Double
        var callMs: Int
        var durationMs: Double
    }

    /// Recent runs only: results speak of the last seconds, and a long call sends many runs.
    static let spanLimit = 256
    private var spans: [Span] = []
    /// Milliseconds of audio sent on the socket so far: Deepgram's "now".
    private(set) var sentMs: Double = 0

    mutating func sent(_ chunk: AudioChunk) {
        let durationMs = Double(chunk.bytes.count) * 1000 / Double(max(1, chunk.format.rate * chunk.format.codec.bytesPerSample))
        if let last = spans.last, abs(Double(last.callMs) + last.durationMs - Double(chunk.ts)) <= 1 {
            spans[spans.count - 1].durationMs += durationMs
        } else {
            if spans.count == Self.spanLimit { spans.removeFirst(Self.spanLimit / 2) }
            spans.append(Span(streamMs: sentMs, callMs: chunk.ts, durationMs: durationMs))
        }
        sentMs += durationMs
    }

    /// The call millisecond of stream time `seconds`; nil before anything was sent.
    func callMs(_ seconds: Double) -> Int? {
        let streamMs = seconds * 1000
        guard let first = spans.first else { return nil }
        let span = spans.last { $0.streamMs <= streamMs + 0.5 } ?? first
        let offset = min(max(0, streamMs - span.streamMs), span.durationMs)
        return span.callMs + Int(offset.rounded())
    }
}
