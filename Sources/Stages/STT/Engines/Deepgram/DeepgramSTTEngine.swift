import Channels
import Logging
import Providers
import Speech
import SwitchboardCore

/// Deepgram's live transcription over one WebSocket per call (deepgram-live.md).
///
/// The socket opens with the first utterance's audio and stays open between utterances with
/// `KeepAlive`, so each utterance starts without a handshake. Audio goes as the call carries
/// it when Deepgram takes it (µ-law at 8 kHz from Twilio, unchanged); `Finalize` answers the
/// VAD's end of an utterance and `CloseStream` the end of the call. A socket that drops is
/// reopened and hears again the audio no final result has settled yet; one that cannot be
/// reopened makes `recognize` throw, and the stage replays the utterance elsewhere.
public struct DeepgramSTTEngine: STTEngine {
    public let name = "deepgram"
    public static let defaultBaseURL = "wss://api.deepgram.com"
    public static let keyVariable = "DEEPGRAM_API_KEY"

    let key: String
    /// `ws(s)://host[:port]`, no trailing slash; `http(s)` is accepted and spelled as `ws(s)`.
    let baseURL: String
    public let model: String
    public let language: String
    public let endpointingMs: Int
    public let utteranceEndMs: Int?
    public let punctuate: Bool
    public let smartFormat: Bool
    /// Quiet this long on the socket (no audio, no control message) and a `KeepAlive` goes.
    public let keepAliveInterval: Duration
    /// How long after `Finalize` an utterance waits for Deepgram's answer before it ends empty.
    public let finalizeTimeout: Duration
    /// How long after `CloseStream` the call waits for the last results and the close.
    public let closeTimeout: Duration
    /// Tries to open (or reopen) the socket before giving up, and the wait before the second.
    public let connectAttempts: Int
    public let reconnectBackoff: Duration
    public let connectTimeout: Duration
    let logger: Logger

    public init(key: String, baseURL: String = Self.defaultBaseURL, model: String = "nova-3", language: String = "en-US",
        endpointingMs: Int = 300, utteranceEndMs: Int? = 1000, punctuate: Bool = true, smartFormat: Bool = true,
        keepAliveInterval: Duration = .seconds(4), finalizeTimeout: Duration = .milliseconds(1500), closeTimeout: Duration = .seconds(3),
        connectAttempts: Int = 3, reconnectBackoff: Duration = .milliseconds(250), connectTimeout: Duration = .seconds(5), logger: Logger)
    {
        self.key = key
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        if base.hasPrefix("https://") { base = "wss://" + base.dropFirst("https://".count) }
        if base.hasPrefix("http://") { base = "ws://" + base.dropFirst("http://".count) }
        self.baseURL = base
        self.model = model
        self.language = language
        self.endpointingMs = endpointingMs
        self.utteranceEndMs = utteranceEndMs
        self.punctuate = punctuate
        self.smartFormat = smartFormat
        self.keepAliveInterval = keepAliveInterval
        self.finalizeTimeout = finalizeTimeout
        self.closeTimeout = closeTimeout
        self.connectAttempts = max(1, connectAttempts)
        self.reconnectBackoff = reconnectBackoff
        self.connectTimeout = connectTimeout
        self.logger = logger
    }

    /// The key from `$DEEPGRAM_API_KEY`; its absence is a configuration error (exit 78).
    public static func requireKey(environment: [String: String]) throws -> String {
        guard let key = environment[keyVariable], !key.isEmpty else {
            throw StageFailure(.config, "engine deepgram needs an API key in $\(keyVariable)")
        }
        return key
    }

    /// µ-law and pcm16 (`linear16`) both go as they are, at their own rate.
    public func inputFormat(for call: SpeechFormat) -> SpeechFormat { call }

    /// The socket's URL for audio in `format`.
    func listenURL(for format: SpeechFormat) -> String {
        var query = [
            ("model", model), ("language", language), ("encoding", format.codec == .mulaw ? "mulaw" : "linear16"),
            ("sample_rate", String(format.rate)), ("channels", "1"), ("interim_results", "true"),
            ("endpointing", String(endpointingMs)),
        ]
        if let utteranceEndMs { query.append(("utterance_end_ms", String(utteranceEndMs))) }
        query += [("vad_events", "true"), ("punctuate", String(punctuate)), ("smart_format", String(smartFormat))]
        return baseURL + "/v1/listen?" + query.map { "\($0.0)=\($0.1.urlEscaped)" }.joined(separator: "&")
    }

    public func recognize(_ input: BoundedChannel<RecognitionInput>, emit: @escaping @Sendable (Recognition) async throws -> Void) async throws {
        // One queue for everything the call reacts to (input, the socket, the clock), read by
        // one loop that owns the call's state: no locks, and input waits while the loop is busy.
        let events = BoundedChannel<DeepgramCall.Event>(limits: .init(count: 64))
        defer { events.close() }
        let tick = min(.milliseconds(100), keepAliveInterval / 4)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await item in input { try await events.send(.input(item)) }
                try await events.send(.inputFinished)
            }
            group.addTask {
                while true {
                    try await Task.sleep(for: tick)
                    _ = events.offer(.tick)
                }
            }
            var call = DeepgramCall(engine: self, events: events, emit: emit)
            defer { group.cancelAll() }
            try await call.run()
        }
    }
}
