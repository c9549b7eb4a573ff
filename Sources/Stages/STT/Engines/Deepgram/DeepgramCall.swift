import Channels
import Logging
import Providers
import Speech
import SwitchboardCore

/// One call on Deepgram's live socket: the state `DeepgramSTTEngine.recognize` keeps, changed
/// only by its one loop, event by event.
struct DeepgramCall {
    enum Event: Sendable {
        case input(RecognitionInput)
        case inputFinished
        /// From socket number `socket`; a dropped socket's late messages are ignored.
        case message(socket: Int, WebSocketConnection.Message)
        case socketEnded(socket: Int, (any Error)?)
        case tick
    }

    /// The open socket and what was sent on it.
    struct Socket {
        let id: Int
        let connection: WebSocketConnection
        let reader: Task<Void, Never>
        let format: SpeechFormat
        var clock = DeepgramStreamClock()
        /// Last audio or control message sent: `KeepAlive` counts from here.
        var lastSent = ContinuousClock.now
        var closeStreamSent = false
    }

    /// An utterance whose `end` has come, waiting for Deepgram's answer to its `Finalize`.
    struct Finalizing {
        let utterance: Int
        /// Stream time of the `Finalize`: results starting before it are this utterance's.
        var markMs: Double
        var deadline: ContinuousClock.Instant
    }

    let engine: DeepgramSTTEngine
    let events: BoundedChannel<Event>
    let emit: @Sendable (Recognition) async throws -> Void
    var logger: Logger { engine.logger }

    var socket: Socket?
    var socketsOpened = 0
    /// Drops since the last `Results`: bounds reopening a socket that never works.
    var dropsWithoutResults = 0
    /// The audio format of the socket (its query says it); set by the first audio.
    var format: SpeechFormat?
    /// The utterance between its `begin` and its `end`.
    var current: Int?
    var finalizing: [Finalizing] = []
    var unsettled = DeepgramUnsettledAudio(limitMs: 60_000)
    var inputFinished = false
    var closeDeadline: ContinuousClock.Instant?

    init(engine: DeepgramSTTEngine, events: BoundedChannel<Event>, emit: @escaping @Sendable (Recognition) async throws -> Void) {
        self.engine = engine
        self.events = events
        self.emit = emit
    }

    /// Until input has finished and the socket has closed (or its deadline passed).
    mutating func run() async throws {
        defer { dropSocket() }
        var batch: [Event] = []
        while true {
            await events.nextBatch(into: &batch)
            if batch.isEmpty { throw CancellationError() }
            for event in batch {
                if try await handle(event) { return }
            }
        }
    }

    /// True when the call is over.
    private mutating func handle(_ event: Event) async throws -> Bool {
        switch event {
        case .input(.begin(let utterance, _, _)):
            current = utterance
        case .input(.audio(let chunk)):
            try await send(chunk)
        case .input(.end(let utterance, _)):
            try await end(utterance)
        case .inputFinished:
            inputFinished = true
            guard socket != nil else { return try await finishAll() }
            try await closeStream()
        case .message(let id, let message) where id == socket?.id:
            guard case .text(let text) = message, let decoded = DeepgramMessage(text: text) else {
                logger.warning("deepgram sent a frame that is not a JSON message; ignored")
                break
            }
            if case .results(let results) = decoded {
                dropsWithoutResults = 0
                try await route(results)
            }
        case .socketEnded(let id, let error) where id == socket?.id:
            if socket?.closeStreamSent == true, error == nil { return try await finishAll() }
            logger.warning("deepgram socket ended: \(error.map { "\($0)" } ?? "closed by the server")")
            dropSocket()
            if current != nil || !finalizing.isEmpty || !unsettled.isEmpty { try await reconnect() }
            if inputFinished, socket == nil { return try await finishAll() }
        case .message, .socketEnded:
            break  // from a socket already dropped
        case .tick:
            return try await tick()
        }
        return false
    }

    private mutating func send(_ chunk: AudioChunk) async throws {
        let utterance = current ?? finalizing.last?.utterance ?? 0
        unsettled.append(chunk, utterance: utterance)
        if let open = socket, open.format != chunk.format {
            logger.warning("deepgram: audio changed to \(chunk.format); reopening the socket")
            dropSocket()
        }
        guard let connection = socket?.connection else {
            try await connect(format: chunk.format)  // sends the unsettled audio, this chunk included
            return
        }
        do {
            try await connection.send(binary: chunk.bytes)
            socket?.clock.sent(chunk)
            socket?.lastSent = .now
        } catch {
            logger.warning("deepgram: sending audio failed: \(error)")
            dropSocket()
            try await reconnect()
        }
    }

    private mutating func end(_ utterance: Int) async throws {
        if current == utterance { current = nil }
        let unanswered = unsettled.pieces.contains { $0.utterance == utterance }
        guard let open = socket, unanswered || !finalizing.isEmpty else {
            // Nothing sent, or all of it settled by finals already: Deepgram has nothing more
            // to say about this utterance, so its last result is empty, now (answers go in
            // order: not while an earlier utterance still waits).
            try await answer(utterance, with: nil)
            return
        }
        finalizing.append(Finalizing(utterance: utterance, markMs: open.clock.sentMs, deadline: .now + engine.finalizeTimeout))
        try await sendControl("Finalize")
    }

    private mutating func closeStream() async throws {
        closeDeadline = .now + engine.closeTimeout
        try await sendControl("CloseStream")
        socket?.closeStreamSent = true
    }

    /// A control message; a socket that fails to take it is replaced (which resends it).
    mutating func sendControl(_ type: String) async throws {
        do {
            try await socket?.connection.send(text: #"{"type":"\#(type)"}"#)
            socket?.lastSent = .now
        } catch {
            logger.warning("deepgram: sending \(type) failed: \(error)")
            dropSocket()
            try await reconnect()
        }
    }

    private mutating func tick() async throws -> Bool {
        let now = ContinuousClock.now
        while let first = finalizing.first, first.deadline <= now {
            logger.info("deepgram: no answer to Finalize of utterance \(first.utterance) within \(engine.finalizeTimeout)")
            try await answer(first.utterance, with: nil)
        }
        if let closeDeadline, closeDeadline <= now {
            logger.warning("deepgram: the socket did not close within \(engine.closeTimeout) of CloseStream")
            return try await finishAll()
        }
        if let open = socket, !open.closeStreamSent, now - open.lastSent >= engine.keepAliveInterval {
            try await sendControl("KeepAlive")
        }
        return false
    }

    /// The call is over: utterances still waiting end empty (no answer will come).
    private mutating func finishAll() async throws -> Bool {
        while let waiting = finalizing.first { try await answer(waiting.utterance, with: nil) }
        return true
    }
}
