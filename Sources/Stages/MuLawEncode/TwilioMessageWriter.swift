import Logging
import SwitchboardCore
import Telephony

/// Writes frames as Twilio Media Streams messages, one JSON object per line: audio → `media`,
/// `mark` → `mark`, `interrupt` → `clear`. The stream SID comes from the option, or else from
/// the stream's `start` event. Other events have no Twilio form and are dropped.
public final class TwilioMessageWriter: FrameSink, @unchecked Sendable {
    private let output: FileDescriptorWriter
    private let logger: Logger
    private let fixedStreamSid: String?
    // Touched only from the task that sends (a sink is used by one task at a time).
    private var streamSid: String?
    private var warnedNoSid = false

    public init(fileDescriptor: Int32 = 1, streamSid: String?, logger: Logger) {
        self.output = FileDescriptorWriter(fileDescriptor: fileDescriptor)
        self.fixedStreamSid = streamSid
        self.logger = logger
    }

    public func send(_ frame: Frame) async throws {
        let message: TwilioOutbound
        switch frame {
        case .audio(let audio):
            guard audio.codec == .mulaw, audio.rate == 8000 else {
                logger.error("Twilio needs 8 kHz µ-law; dropped \(audio.codec.rawValue)/\(audio.rate) audio")
                return
            }
            message = .media(streamSid: sid(), payload: audio.payload)
        case .event(let event):
            switch event.type {
            case "start":
                streamSid = event["stream"]?.string
                return
            case "mark":
                guard let name = event["name"]?.string else { return }
                message = .mark(streamSid: sid(), name: name)
            case "interrupt":
                message = .clear(streamSid: sid())
            default:
                logger.report(event)
                return
            }
        }
        var line = Array(message.text.utf8)
        line.append(0x0A)
        try await output.write(line)
    }

    public func finish() async throws { try await output.finish() }

    private func sid() -> String {
        if let sid = fixedStreamSid ?? streamSid { return sid }
        if !warnedNoSid {
            warnedNoSid = true
            logger.warning("no stream SID: no start event carried one; pass --stream-sid")
        }
        return ""
    }
}
