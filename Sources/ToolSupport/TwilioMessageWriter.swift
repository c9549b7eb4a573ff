import Logging
import Synchronization
import Stdio
import Stages
import SwitchboardCore
import Telephony

/// Writes frames as Twilio Media Streams messages, one JSON object per line, to a file
/// descriptor: the `TwilioOutboundEncoder` over a `FileDescriptorWriter`. What has no Twilio
/// form is not written; `error` events and dropped audio or marks are reported on stderr.
public final class TwilioMessageWriter: FrameSink {
    private struct State {
        var encoder: TwilioOutboundEncoder
        var warnedNoStreamSid = false
    }

    private let output: FileDescriptorWriter
    private let logger: Logger
    private let state: Mutex<State>

    public init(fileDescriptor: Int32 = 1, streamSid: String?, logger: Logger) {
        output = FileDescriptorWriter(fileDescriptor: fileDescriptor)
        state = Mutex(State(encoder: TwilioOutboundEncoder(streamSid: streamSid)))
        self.logger = logger
    }

    public func send(_ frame: Frame) async throws {
        let (outcome, warnNoStreamSid) = state.withLock { state in
            let outcome = state.encoder.encode(frame)
            guard case .send = outcome, state.encoder.streamSid == nil, !state.warnedNoStreamSid else { return (outcome, false) }
            state.warnedNoStreamSid = true
            return (outcome, true)
        }
        if warnNoStreamSid { logger.warning("no stream SID: no start event carried one; pass --stream-sid") }
        switch outcome {
        case .send(let message):
            try await output.write { line in
                line.append(contentsOf: message.text.utf8)
                line.append(0x0A)
            }
        case .tookStreamSid:
            break
        case .dropped(.noTwilioForm):
            if case .event(let event) = frame { logger.report(event) }
        case .dropped(let reason):
            logger.error("\(reason)")
        }
    }

    public func finish() async throws { try await output.finish() }
}
