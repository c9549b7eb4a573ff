import HummingbirdWebSocket
import Synchronization
import SwitchboardCore
import Telephony

/// The telephone side of a live call: what leaves the call's graph goes to Twilio as
/// `media`/`mark`/`clear` messages on the call's socket (the `Telephony` codec), and every
/// frame is shown to the call's observer and to its `CallControl` (hang-up, transfer,
/// activity). The socket's write waits when the connection is slow: back-pressure reaches
/// the graph.
final class TwilioSocketSink: FrameSink {
    private let outbound: WebSocketOutboundWriter
    private let encoder: Mutex<TwilioOutboundEncoder>
    private let playout: TwilioPlayout
    private let observer: CallObserver
    private let control: CallControl
    private let onEvent: @Sendable (Event) -> Void

    init(outbound: WebSocketOutboundWriter, streamSid: String, playout: TwilioPlayout, observer: CallObserver, control: CallControl,
         onEvent: @escaping @Sendable (Event) -> Void) {
        self.outbound = outbound
        self.encoder = Mutex(TwilioOutboundEncoder(streamSid: streamSid))
        self.playout = playout
        self.observer = observer
        self.control = control
        self.onEvent = onEvent
    }

    func send(_ frame: Frame) async throws {
        observer.leaving(frame)
        if case .event(let event) = frame {
            control.graphSent(event)
            onEvent(event)
        }
        guard case .send(let message) = encoder.withLock({ $0.encode(frame) }) else { return }
        // Nothing more is said once a hang-up or transfer has begun.
        guard !control.isEnding else { return }
        switch message {
        case .media:
            playout.sent(audioMs: frame.audio?.durationMs ?? 0)
            control.agentActive()
        case .mark(_, let name): playout.sent(mark: name)
        case .clear: playout.cleared()
        }
        try await outbound.writeTextMessage(message.text)
    }

    func finish() async throws {}
}
