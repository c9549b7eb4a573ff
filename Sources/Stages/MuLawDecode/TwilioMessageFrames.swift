import SwitchboardCore
import Telephony

/// Twilio Media Streams messages, one JSON object per line, as frames: `start`, µ-law audio,
/// `mark`, `dtmf`, `stop`. A line that is not a valid message becomes an `error` event.
public struct TwilioMessageFrames<Chunks: AsyncSequence & Sendable>: AsyncSequence, Sendable
where Chunks.Element == [UInt8], Chunks.Failure == Never {
    public typealias Element = Frame
    public typealias Failure = Never

    public let chunks: Chunks
    public let stage: String

    public init(chunks: Chunks, stage: String = "mulaw-decode") {
        self.chunks = chunks
        self.stage = stage
    }

    public func makeAsyncIterator() -> Iterator { Iterator(chunks: chunks.makeAsyncIterator(), stage: stage) }

    public struct Iterator: AsyncIteratorProtocol {
        var chunks: Chunks.AsyncIterator
        let stage: String
        var lines = LineSplitter(maxLineBytes: 4 * 1024 * 1024)
        var ended = false
        /// Where the next media payload starts when a message has no timestamp.
        var nextTs = 0

        public mutating func next(isolation actor: isolated (any Actor)?) async -> Frame? {
            while true {
                let item = ended ? lines.finish() : lines.next()
                if let item {
                    if let frame = translate(item) { return frame }
                    continue
                }
                if ended { return nil }
                if let chunk = await chunks.next(isolation: actor) { lines.append(chunk) } else { ended = true }
            }
        }

        public mutating func next() async -> Frame? { await next(isolation: nil) }

        private mutating func translate(_ item: LineSplitter.Item) -> Frame? {
            switch item {
            case .tooLong(let offset):
                return .error(stage: stage, message: "Twilio message longer than \(lines.maxLineBytes) bytes", offset: offset)
            case .line(let line, let offset):
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
                do {
                    var message = try TwilioInbound(json: line)
                    if case .media(var media) = message {
                        media.timestamp = media.timestamp ?? nextTs
                        nextTs = media.timestamp! + media.payload.count / 8
                        message = .media(media)
                    }
                    return TwilioInbound.frame(for: message)
                } catch {
                    return .error(stage: stage, message: error.description, offset: offset)
                }
            }
        }
    }
}

extension TwilioInbound {
    /// The frame a Twilio message stands for, if any (`connected` and outbound media carry
    /// nothing a stage needs).
    public static func frame(for message: TwilioInbound) -> Frame? {
        switch message {
        case .connected:
            return nil
        case .start(let start):
            var params = JSONObject()
            for (name, value) in start.customParameters { params[name] = .string(value) }
            var fields: JSONObject = [
                "v": 1, "call": .string(start.callSid), "stream": .string(start.streamSid),
                "tenant": params["tenant"] ?? .null, "params": .object(params),
                "codec": "mulaw", "rate": .int(start.sampleRate),
            ]
            if !start.accountSid.isEmpty { fields["account"] = .string(start.accountSid) }
            return .event(Event("start", fields))
        case .media(let media):
            guard media.track == "inbound" || media.track == "inbound_track" else { return nil }
            return .audio(AudioFrame(codec: .mulaw, rate: 8000, ts: media.timestamp ?? 0, payload: media.payload))
        case .mark(let name, _):
            return .event(Event("mark", ["name": .string(name)]))
        case .dtmf(let digit, _, _):
            return .event(Event("dtmf", ["digit": .string(digit)]))
        case .stop(let callSid, _, _):
            return .event(Event("stop", ["reason": "hangup", "call": .string(callSid)]))
        }
    }
}
