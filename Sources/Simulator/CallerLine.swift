import Foundation
import Providers
import Synchronization
import SwitchboardCore

/// Twilio's side of one Media Streams socket, for the simulator: connects to a server's
/// `/media`, sends `connected` and `start`, then a continuous 20 ms µ-law stream on a real-time
/// clock (what `say` queued, else line silence, as a phone line never stops), and plays the
/// agent's audio as Twilio's buffer does (`AgentPlayout`). What it observes goes to `timeline`.
public final class CallerLine: Sendable {
    public let callSid: String
    public let streamSid: String
    public let timeline = TurnTimeline()
    /// Recording path, if the call is recorded.
    public let recordingPath: String?

    /// Caller audio waiting to go out: five minutes is far more than one utterance.
    public static let maxQueuedSpeechBytes = 5 * 60 * 8000
    /// Messages waiting for the socket: ten seconds of frames. A server that stops reading
    /// longer than that has failed the call.
    static let maxOutboxMessages = 500
    static let frameBytes = 160

    private let connection: WebSocketConnection
    private let shared: Shared
    private let tasks: Mutex<(reader: Task<Void, Never>?, clock: Task<Void, Never>?, writer: Task<Void, Never>?)> = Mutex((nil, nil, nil))

    /// What the reader, the clock and the callers share.
    final class Shared: Sendable {
        let state: Mutex<LineState>
        let outbox: AsyncStream<String>.Continuation
        let timeline: TurnTimeline
        let started = ContinuousClock.now

        init(state: LineState, outbox: AsyncStream<String>.Continuation, timeline: TurnTimeline) {
            self.state = Mutex(state)
            self.outbox = outbox
            self.timeline = timeline
        }

        var ms: Double { (ContinuousClock.now - started).milliseconds }

        /// Under the state's lock, so sequence numbers go out in the order they were given.
        func send(_ text: String, in state: inout LineState) {
            guard !state.ended else { return }
            if case .dropped = outbox.yield(text) {
                state.ended = true
                state.failure = "the server stopped reading (\(CallerLine.maxOutboxMessages) messages waiting)"
                outbox.finish()
            }
        }

        func record(_ kinds: [CallerLineEvent.Kind], at ms: Double) {
            for kind in kinds { timeline.record(CallerLineEvent(ms: ms, kind: kind)) }
        }
    }

    struct LineState {
        var messages: CallerLineMessages
        var playout = AgentPlayout()
        var speech: [UInt8] = []
        var speechStart = 0
        var callerSpeaking = false
        var agentPlaying = false
        /// Marks whose audio began its last frame on the previous tick: echoed when it has played.
        var marksDueNextTick: [String] = []
        var sentFrames = 0
        var agentBytesReceived = 0
        var arrivals = AgentAudioArrivals()
        /// The caller spoke since agent audio last arrived: audio into an empty buffer now is
        /// a new turn, not a late frame.
        var callerSpokeSinceArrival = false
        var noise: LineNoise?
        /// No more messages go out (hung up, closed, or failed).
        var ended = false
        var failure: String?
        var queuedSpeechBytes: Int { speech.count - speechStart }
    }

    public struct LineError: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// Connects to `url` (`ws://host:port/media`), sends `connected` and `start` with
    /// `parameters` (and `tenant`, when given) as `customParameters`, and starts the line's
    /// clock. `signature` goes in `X-Twilio-Signature`; `recordingPath` (a .wav) records both
    /// sides as the call goes; `noise` hisses on everything sent; `callSid` is the one the
    /// call's webhook carried, if it had one.
    public static func connect(
        to url: String, tenant: String? = nil, parameters: [String: String] = [:], signature: String? = nil,
        recordingPath: String? = nil, accountSid: String = "AC00000000000000000000000000000000", noise: ScenarioNoise? = nil,
        callSid: String? = nil
    ) async throws -> CallerLine {
        let callSid = callSid ?? newCallSid()
        let recording = try recordingPath.map { try CallRecording(path: $0) }
        let headers = signature.map { [(name: "X-Twilio-Signature", value: $0)] } ?? []
        let connection = try await WebSocketConnection.connect(url: url, headers: headers)
        let messages = CallerLineMessages(callSid: callSid, streamSid: "MZ" + callSid.dropFirst(2), accountSid: accountSid)
        var custom = parameters
        if let tenant { custom["tenant"] = tenant }
        return CallerLine(connection: connection, messages: messages, parameters: custom, recording: recording,
                          noise: noise.map { LineNoise(snrDecibels: $0.snrDecibels) })
    }

    private init(connection: WebSocketConnection, messages: CallerLineMessages, parameters: [String: String], recording: sending CallRecording?,
                 noise: LineNoise?) {
        self.connection = connection
        callSid = messages.callSid
        streamSid = messages.streamSid
        recordingPath = recording?.path
        let (outbox, sink) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingOldest(Self.maxOutboxMessages))
        var state = LineState(messages: messages)
        state.noise = noise
        let shared = Shared(state: state, outbox: sink, timeline: timeline)
        self.shared = shared
        shared.state.withLock { state in
            shared.send(CallerLineMessages.connected, in: &state)
            shared.send(state.messages.start(parameters: parameters), in: &state)
        }
        let writer = Task {
            for await text in outbox {
                do { try await connection.send(text: text) } catch {
                    // The socket is gone: nothing more goes out; the reader reports the close.
                    shared.state.withLock { state in
                        state.ended = true
                        shared.outbox.finish()
                    }
                    break
                }
            }
        }
        let reader = Task {
            var closed: (code: Int?, reason: String) = (1000, "")
            do {
                for try await message in connection.messages {
                    guard case .text(let text) = message, let object = try? JSONParser.parse(text).object else { continue }
                    CallerLineInbound.handle(object, shared: shared)
                }
            } catch let error as WebSocketConnection.WebSocketClosed {
                closed = (error.code, error.reason)
            } catch {
                closed = (nil, "\(error)")
            }
            shared.state.withLock { state in
                state.ended = true
                shared.outbox.finish()
            }
            shared.record([.closed(code: closed.code, reason: closed.reason)], at: shared.ms)
        }
        let clock = Task { await CallerLineClock.run(shared: shared, recording: recording) }
        tasks.withLock { $0 = (reader, clock, writer) }
    }

    deinit {
        tasks.withLock { tasks in
            tasks.reader?.cancel()
            tasks.clock?.cancel()
            tasks.writer?.cancel()
        }
        shared.outbox.finish()
        connection.cancel()
    }

    /// A CallSid of Twilio's shape (`CA` + 32 hex digits).
    public static func newCallSid() -> String { CallerLineMessages.sid("CA") }

    /// Queues caller audio (8 kHz µ-law) to go out after what is already queued.
    public func say(_ mulaw: [UInt8]) throws {
        try shared.state.withLock { state in
            guard !state.ended else { throw LineError(description: "the line has ended" + (state.failure.map { ": \($0)" } ?? "")) }
            guard state.queuedSpeechBytes + mulaw.count <= Self.maxQueuedSpeechBytes else {
                throw LineError(description: "more than \(Self.maxQueuedSpeechBytes / 8000) s of caller audio queued")
            }
            state.speech += mulaw
            state.noise?.heard(speech: mulaw)
        }
    }

    /// Presses a key: a `dtmf` message (0-9, *, #, A-D).
    public func sendDTMF(_ digit: Character) throws {
        guard "0123456789*#ABCD".contains(digit) else { throw LineError(description: "\(digit) is not a DTMF digit") }
        try shared.state.withLock { state in
            guard !state.ended else { throw LineError(description: "the line has ended") }
            shared.send(state.messages.dtmf(String(digit)), in: &state)
        }
        shared.record([.dtmfSent(String(digit))], at: shared.ms)
    }

    /// Sends `stop` and closes the socket; the recording is complete when this returns.
    public func hangUp() async {
        let (reader, clock, writer) = tasks.withLock { $0 }
        clock?.cancel()
        await clock?.value
        let hungUp = shared.state.withLock { state -> Bool in
            guard !state.ended else { return false }
            shared.send(state.messages.stop(), in: &state)
            state.ended = true
            shared.outbox.finish()
            return true
        }
        if hungUp { shared.record([.hungUp], at: shared.ms) }
        await writer?.value
        try? await connection.close()
        // A server that never answers the close frame must not hold the caller.
        let giveUp = Task { [connection] in
            try? await Task.sleep(for: .seconds(2))
            connection.cancel()
        }
        await reader?.value
        giveUp.cancel()
    }

    /// Milliseconds since the call started.
    public var elapsedMs: Double { shared.ms }
    /// Agent audio received so far, in bytes (8 per millisecond).
    public var agentBytesReceived: Int { shared.state.withLock { $0.agentBytesReceived } }
    /// How punctually the agent's audio arrived (`AgentAudioArrivals`).
    public var jitter: JitterReport { shared.state.withLock { $0.arrivals.report } }
    /// Every agent frame's lateness, to merge over many calls.
    public var lateness: LatenessHistogram { shared.state.withLock { $0.arrivals.lateness } }
    /// Why the line ended early, if it failed rather than closed.
    public var failure: String? { shared.state.withLock { $0.failure } }

    /// Waits for the next mark named `….end` to be echoed after event index `after` (take
    /// `timeline.count` before provoking the turn): the agent's turn has played.
    public func agentFinishedTurn(after: Int = 0, timeout: Duration = .seconds(60)) async -> CallerLineEvent? {
        await timeline.first(after: after, timeout: timeout) { $0.isAgentTurnEnd }
    }

    /// Waits for agent audio to start playing after silence, after event index `after`.
    public func agentStartedSpeaking(after: Int = 0, timeout: Duration = .seconds(60)) async -> CallerLineEvent? {
        await timeline.first(after: after, timeout: timeout) { $0.kind == .agentAudioStarted }
    }

    /// Waits for the socket to close (after `hangUp`, or the server's close).
    public func closed(timeout: Duration = .seconds(60)) async -> CallerLineEvent? {
        await timeline.first(timeout: timeout) { if case .closed = $0.kind { true } else { false } }
    }
}
