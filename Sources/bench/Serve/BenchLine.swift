import Foundation
import Providers
import Synchronization
import SwitchboardCore

/// One bench call: Twilio's side of a Media Streams socket to `switchboard serve`. Its reader
/// task plays the agent's audio on a real-time clock, as Twilio's buffer would (a `mark` is due
/// once the audio before it has played; `clear` empties the buffer); the shared `LineTicker`
/// sends its media and echoes its due marks, so a call costs the bench no timer of its own.
final class BenchLine: Sendable {
    let id: Int
    let callSid: String
    let streamSid: String
    /// Where in the caller's talking cycle this call starts, so that calls do not speak in step.
    let cycleOffset: Int
    private let connection: WebSocketConnection
    private let box: Box
    private let reader: Task<Void, Never>

    final class Box: Sendable {
        let state = Mutex(State())
    }

    struct State {
        var playedUntil = ContinuousClock.now
        var pendingMarks: [(name: String, due: ContinuousClock.Instant)] = []
        var sequence = 0
        var chunks = 0
        var agentAudioBytes = 0
        /// Agent turns heard to their end (their `t<N>.end` mark echoed).
        var turnsHeard = 0
        var clears = 0
        /// Set when the socket ended; a live bench call never ends on its own.
        var closed: String?
    }

    init(id: Int, url: String, cycleOffset: Int) async throws {
        self.id = id
        self.cycleOffset = cycleOffset
        callSid = String(format: "CA%032x", id)
        streamSid = String(format: "MZ%032x", id)
        connection = try await WebSocketConnection.connect(url: url)
        let (connection, box) = (connection, Box())
        self.box = box
        reader = Task {
            do {
                for try await message in connection.messages {
                    guard case .text(let text) = message, let object = (try? JSONParser.parse(text))?.object else { continue }
                    Self.handle(object, state: box.state)
                }
                box.state.withLock { $0.closed = $0.closed ?? "closed by the server" }
            } catch {
                box.state.withLock { $0.closed = $0.closed ?? "\(error)" }
            }
        }
    }

    deinit { reader.cancel() }

    private static func handle(_ message: JSONObject, state: borrowing Mutex<State>) {
        let now = ContinuousClock.now
        state.withLock { state in
            switch message["event"]?.string {
            case "media":
                // base64: 4 characters for 3 bytes; the bytes themselves are not needed.
                let characters = message["media"]?.object?["payload"]?.string?.utf8.count ?? 0
                let bytes = characters / 4 * 3
                state.agentAudioBytes += bytes
                state.playedUntil = max(state.playedUntil, now) + .microseconds(Int64(bytes * 125))
            case "mark":
                guard let name = message["mark"]?.object?["name"]?.string else { return }
                state.pendingMarks.append((name, max(state.playedUntil, now)))
            case "clear":
                state.clears += 1
                state.playedUntil = now
                for index in state.pendingMarks.indices { state.pendingMarks[index].due = now }
            default: break
            }
        }
    }

    var snapshot: State { box.state.withLock { $0 } }
    var isClosed: Bool { box.state.withLock { $0.closed != nil } }

    func start() async throws {
        try await connection.send(text: #"{"event":"connected","protocol":"Call","version":"1.0.0"}"#)
        let sequence = nextSequence()
        try await connection.send(text: """
            {"event":"start","sequenceNumber":"\(sequence)","streamSid":"\(streamSid)","start":{"accountSid":"ACbench",\
            "streamSid":"\(streamSid)","callSid":"\(callSid)","tracks":["inbound"],"customParameters":{},\
            "mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1}}}
            """)
    }

    /// One 20 ms `media` message; `payload` is base64 µ-law.
    func sendMedia(_ payload: String) async throws {
        let (sequence, chunk) = box.state.withLock { state -> (Int, Int) in
            state.sequence += 1
            state.chunks += 1
            return (state.sequence, state.chunks)
        }
        try await connection.send(text: """
            {"event":"media","sequenceNumber":"\(sequence)","streamSid":"\(streamSid)","media":{"track":"inbound",\
            "chunk":"\(chunk)","timestamp":"\((chunk - 1) * CallerScript.frameMs)","payload":"\(payload)"}}
            """)
    }

    /// Echoes the marks whose audio has played by `now`.
    func echoDueMarks(now: ContinuousClock.Instant) async throws {
        let due = box.state.withLock { state -> [String] in
            guard state.pendingMarks.contains(where: { $0.due <= now }) else { return [] }
            let due = state.pendingMarks.filter { $0.due <= now }.map(\.name)
            state.pendingMarks.removeAll { $0.due <= now }
            state.turnsHeard += due.filter { $0.hasSuffix(".end") }.count
            return due
        }
        for name in due {
            let sequence = nextSequence()
            try await connection.send(text: #"{"event":"mark","sequenceNumber":"\#(sequence)","streamSid":"\#(streamSid)","mark":{"name":"\#(name)"}}"#)
        }
    }

    /// The caller hangs up: `stop`, then the socket's closing handshake.
    func hangUp() async {
        let sequence = nextSequence()
        try? await connection.send(text: #"{"event":"stop","sequenceNumber":"\#(sequence)","streamSid":"\#(streamSid)","stop":{"accountSid":"ACbench","callSid":"\#(callSid)"}}"#)
        try? await connection.close()
        box.state.withLock { $0.closed = $0.closed ?? "hung up" }
    }

    /// A send failed: the line is dead.
    func markClosed(_ error: any Error) {
        box.state.withLock { $0.closed = $0.closed ?? "\(error)" }
    }

    private func nextSequence() -> Int { box.state.withLock { $0.sequence += 1; return $0.sequence } }
}
