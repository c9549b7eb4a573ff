import Audio
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import SwitchboardCore

/// `GET /v1/listen` upgraded to a WebSocket, as Deepgram's live transcription
/// (deepgram-live.md). It cannot transcribe: an energy detector finds utterances in the audio
/// received, and each one is answered with the next transcript line. What an engine sees is
/// Deepgram's protocol — query parameters, `Results` with `is_final`/`speech_final`,
/// `SpeechStarted`, `UtteranceEnd`, `Metadata`, `KeepAlive`/`Finalize`/`CloseStream`.
///
/// Faults: a 429 or 500 refuses the upgrade (as a failed handshake would); `stall_after` and
/// `disconnect_after` count messages sent; `ttfb_ms` delays the first one. Every connection
/// is recorded (`MockProviders.listenConnections`): its query, key, control messages with
/// their timing, and the audio, so tests can see what an engine really sent.
struct DeepgramListenRoute: Sendable {
    let state: MockState
    let faults: MockFaults

    /// The query, checked as Deepgram would check it.
    struct Options: Sendable {
        var encoding: String
        var sampleRate: Int
        var interimResults = false
        var endpointingMs: Int? = 10
        var utteranceEndMs: Int?
        var vadEvents = false
        var model = "nova-3"

        init(query: [String: String]) throws {
            func flag(_ name: String) throws -> Bool {
                switch query[name] {
                case nil, "false": return false
                case "true": return true
                case let value?: throw Self.bad("\(name) must be true or false, not \(value)")
                }
            }
            guard let encoding = query["encoding"] else { throw Self.bad("the mock needs raw audio: encoding=linear16 or mulaw") }
            guard encoding == "linear16" || encoding == "mulaw" else { throw Self.bad("unsupported encoding \(encoding) (the mock takes linear16 or mulaw)") }
            guard let rate = query["sample_rate"].flatMap(Int.init), rate > 0 else { throw Self.bad("sample_rate is required with encoding") }
            guard (query["channels"] ?? "1") == "1" else { throw Self.bad("the mock takes one channel") }
            self.encoding = encoding
            self.sampleRate = rate
            interimResults = try flag("interim_results")
            vadEvents = try flag("vad_events")
            model = query["model"] ?? model
            switch query["endpointing"] {
            case nil: break
            case "false": endpointingMs = nil
            case let value?:
                guard let ms = Int(value), ms >= 0 else { throw Self.bad("endpointing must be milliseconds or false") }
                endpointingMs = ms
            }
            if let value = query["utterance_end_ms"] {
                guard let ms = Int(value), (1000...5000).contains(ms) else { throw Self.bad("utterance_end_ms must be from 1000 to 5000") }
                guard interimResults else { throw Self.bad("utterance_end_ms needs interim_results=true") }
                utteranceEndMs = ms
            }
        }

        static func bad(_ reason: String) -> HTTPError {
            HTTPError(.badRequest, headers: [HTTPField.Name("dg-error")!: reason], message: reason)
        }
    }

    func shouldUpgrade(_ request: Request) throws -> RouterShouldUpgrade {
        _ = try Options(query: Self.query(of: request))
        return .upgrade([HTTPField.Name("dg-request-id")!: UUID().uuidString.lowercased()])
    }

    /// The fate of a connection, drawn at the upgrade.
    func outcome() throws -> MockOutcome {
        let outcome = state.outcome(for: .listen)
        switch outcome {
        case .rateLimited:
            throw HTTPError(.tooManyRequests, headers: [HTTPField.Name("Retry-After")!: "\(faults.retryAfterSeconds)",
                HTTPField.Name("dg-error")!: "rate limited (mock)"], message: "rate limited (mock)")
        case .serverError:
            throw HTTPError(.internalServerError, headers: [HTTPField.Name("dg-error")!: "server error (mock)"], message: "server error (mock)")
        case .ok, .stall, .disconnect:
            return outcome
        }
    }

    static func query(of request: Request) -> [String: String] {
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
        return query
    }

    func run(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter, request: Request, outcome: MockOutcome) async throws {
        let query = Self.query(of: request)
        guard let options = try? Options(query: query) else { return }
        var session = ListenSession(options: options, state: state)
        let opened = ContinuousClock.now
        let record = state.openListen(MockListenConnection(query: query, authorization: request.headers[.authorization]))
        var sent = 0
        func send(_ reply: JSON) async throws {
            if sent == 0 { try await Task.sleep(for: .milliseconds(faults.ttfbMs)) }
            if outcome == .disconnect, sent == faults.disconnectAfter { throw MockStreamer.Disconnect() }
            if outcome == .stall, sent >= faults.stallAfter ?? 0 { return }
            sent += 1
            try await outbound.write(.text(JSONWriter.string(reply)))
        }
        for try await message in inbound.messages(maxSize: 4 * 1024 * 1024) {
            let replies: [JSON]
            switch message {
            case .binary(let buffer):
                let audio = Array(buffer.readableBytesView)
                state.recordListen(record) { $0.received(audio: audio) }
                replies = session.receive(audio: audio)
            case .text(let text):
                let control = (try? JSONParser.parse(text))?.object?["type"]?.string
                state.recordListen(record) { $0.controls.append(.init(type: control ?? text, atMs: (ContinuousClock.now - opened).ms, audioMs: session.receivedMs)) }
                guard let control else {
                    try await outbound.close(.init(codeNumber: 1008), reason: "DATA-0000: could not parse control message")
                    return
                }
                switch control {
                case "KeepAlive": replies = []
                case "Finalize": replies = session.finalize(fromFinalize: true)
                case "CloseStream":
                    for reply in session.finalize(fromFinalize: false) + [session.metadata()] { try await send(reply) }
                    try await outbound.close(.normalClosure, reason: nil)
                    return
                default: replies = []
                }
            }
            for reply in replies { try await send(reply) }
        }
    }
}

/// One stream's detector state and the messages it produces.
struct ListenSession {
    let options: DeepgramListenRoute.Options
    let state: MockState
    let requestID = UUID().uuidString.lowercased()
    /// Seconds of audio received.
    private var time = 0.0
    private var speaking = false
    private var speechStart = 0.0
    private var voicedRun = 0.0
    private var silentRun = 0.0
    private var lastInterim = 0.0
    private var pendingWords: [String] = []
    private var lastWordEnd: Double?
    private var utteranceEndSent = true
    /// Seconds of audio some final result has covered.
    private var settledUntil = 0.0

    /// Speech is this loud (RMS), for this long, before it counts: enough to ignore clicks.
    static let thresholdDBFS = -45.0
    static let minimumSpeech = 0.06

    init(options: DeepgramListenRoute.Options, state: MockState) {
        self.options = options
        self.state = state
    }

    mutating func receive(audio bytes: [UInt8]) -> [JSON] {
        let samples = options.encoding == "mulaw" ? MuLaw.decode(bytes) : PCM16.samples(bytes)
        guard !samples.isEmpty else { return [] }
        let duration = Double(samples.count) / Double(options.sampleRate)
        let voiced = (PCM16.rmsDBFS(samples) ?? -120) > Self.thresholdDBFS
        time += duration
        var replies: [JSON] = []
        if voiced {
            voicedRun += duration
            silentRun = 0
            if !speaking, voicedRun >= Self.minimumSpeech {
                speaking = true
                speechStart = time - voicedRun
                pendingWords = state.transcript().split(separator: " ").map(String.init)
                lastInterim = time
                if options.vadEvents { replies.append(["type": "SpeechStarted", "channel": [0, 1], "timestamp": .double(round3(speechStart))]) }
            }
            if speaking, options.interimResults, time - lastInterim >= 0.5 {
                lastInterim = time
                let heard = max(1, min(pendingWords.count, Int((time - speechStart) / 0.3)))
                replies.append(results(Array(pendingWords.prefix(heard)), end: time, isFinal: false, speechFinal: false, fromFinalize: false))
            }
        } else {
            voicedRun = 0
            silentRun += duration
            if speaking, let endpointing = options.endpointingMs, silentRun * 1000 >= Double(endpointing) {
                replies += finalize(fromFinalize: false, speechFinal: true)
            }
            if !utteranceEndSent, let gap = options.utteranceEndMs, let last = lastWordEnd, (time - last) * 1000 >= Double(gap) {
                utteranceEndSent = true
                replies.append(["type": "UtteranceEnd", "channel": [0, 1], "last_word_end": .double(round3(last))])
            }
        }
        return replies
    }

    var receivedMs: Int { Int((time * 1000).rounded()) }

    /// Ends the utterance in progress now (endpointing, `Finalize`, `CloseStream`). A
    /// `Finalize` with only silence since the last result flushes that silence: an empty
    /// final result, as Deepgram answers.
    mutating func finalize(fromFinalize: Bool, speechFinal: Bool = false) -> [JSON] {
        guard speaking else {
            guard fromFinalize, time > settledUntil else { return [] }
            defer { settledUntil = time }
            return [results([], start: settledUntil, end: time, isFinal: true, speechFinal: false, fromFinalize: true)]
        }
        speaking = false
        let end = time - silentRun
        lastWordEnd = end
        utteranceEndSent = false
        settledUntil = time
        return [results(pendingWords, end: end, isFinal: true, speechFinal: speechFinal, fromFinalize: fromFinalize)]
    }

    private func results(_ words: [String], start: Double? = nil, end: Double, isFinal: Bool, speechFinal: Bool, fromFinalize: Bool) -> JSON {
        let speechStart = start ?? self.speechStart
        let span = max(end - speechStart, 0.01)
        let step = span / Double(max(words.count, 1))
        let wordObjects: [JSON] = words.enumerated().map { index, word in
            let start = speechStart + Double(index) * step
            let bare = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
            return ["word": .string(bare), "start": .double(round3(start)), "end": .double(round3(start + step)),
                "confidence": 0.98, "punctuated_word": .string(word)]
        }
        return [
            "type": "Results", "channel_index": [0, 1], "duration": .double(round3(span)), "start": .double(round3(speechStart)),
            "is_final": .bool(isFinal), "speech_final": .bool(speechFinal), "from_finalize": .bool(fromFinalize),
            "channel": ["alternatives": [["transcript": .string(words.joined(separator: " ")), "confidence": 0.98, "words": .array(wordObjects)]]],
            "metadata": ["request_id": .string(requestID), "model_info": ["name": .string("mock-\(options.model)"), "version": "mock", "arch": .string(options.model)]],
        ]
    }

    func metadata() -> JSON {
        [
            "type": "Metadata", "transaction_key": "deprecated", "request_id": .string(requestID),
            "sha256": "0000000000000000000000000000000000000000000000000000000000000000",
            "created": .string(ISO8601DateFormatter().string(from: Date())), "duration": .double(round3(time)), "channels": 1,
        ]
    }

    private func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

/// What one Deepgram live connection received.
public struct MockListenConnection: Sendable {
    public struct Control: Sendable, Equatable {
        /// `KeepAlive`, `Finalize`, `CloseStream`…; the raw text when it was not JSON.
        public var type: String
        /// Milliseconds since the connection opened.
        public var atMs: Int
        /// Milliseconds of audio received before it.
        public var audioMs: Int
    }

    public var query: [String: String]
    public var authorization: String?
    public var controls: [Control] = []
    /// The audio bytes as received (the first `audioLimit` of them).
    public var audio: [UInt8] = []
    public var audioFrames = 0
    static let audioLimit = 8 * 1024 * 1024

    mutating func received(audio bytes: [UInt8]) {
        audioFrames += 1
        if audio.count < Self.audioLimit { audio += bytes.prefix(Self.audioLimit - audio.count) }
    }
}

extension MockProviders {
    /// Every Deepgram live connection so far, in the order they opened.
    public var listenConnections: [MockListenConnection] { state.listens }
}

extension Duration {
    fileprivate var ms: Int { Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000) }
}
