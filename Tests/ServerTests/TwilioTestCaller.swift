import Foundation
import Providers
import Synchronization
import SwitchboardCore
import Telephony

/// Plays Twilio's side of a Media Streams socket for the tests, on 127.0.0.1: `connected`,
/// `start`, caller audio as 20 ms `media` messages, and the agent's audio "played" on a
/// real-time clock as Twilio's buffer plays it — each `mark` echoed once the audio before it
/// has played, `clear` empties the buffer and echoes the pending marks at once.
final class TwilioTestCaller: Sendable {
    let connection: WebSocketConnection
    let callSid: String
    let streamSid: String
    private let shared = Shared()
    private let reader: Task<Void, Never>

    final class Shared: Sendable {
        let state = Mutex(State())
    }

    struct State {
        var agentAudio: [UInt8] = []
        var messages: [JSONObject] = []
        var echoed: [(name: String, at: ContinuousClock.Instant, date: Date)] = []
        var playedUntil = ContinuousClock.now
        var pendingMarks: [(name: String, due: ContinuousClock.Instant)] = []
        var closed: (code: Int?, reason: String)?
        var sequence = 0
        var mediaChunks = 0
    }

    /// Connects; `start` is sent by `start(tenant:)`.
    init(url: String, headers: [(name: String, value: String)] = [], callSid: String = "CA" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(32)) async throws {
        connection = try await WebSocketConnection.connect(url: url, headers: headers)
        self.callSid = callSid
        streamSid = "MZ" + callSid.dropFirst(2)
        let (connection, shared) = (connection, shared)
        reader = Task {
            do {
                for try await message in connection.messages {
                    guard case .text(let text) = message, let object = try? JSONParser.parse(Array(text.utf8)).object else { continue }
                    Self.handle(object, shared: shared)
                }
                shared.state.withLock { $0.closed = $0.closed ?? (1000, "") }
            } catch let closed as WebSocketConnection.WebSocketClosed {
                shared.state.withLock { $0.closed = (closed.code, closed.reason) }
            } catch {
                shared.state.withLock { $0.closed = (nil, "\(error)") }
            }
        }
    }

    deinit { reader.cancel() }

    private static func handle(_ message: JSONObject, shared: Shared) {
        let now = ContinuousClock.now
        shared.state.withLock { state in
            state.messages.append(message)
            switch message["event"]?.string {
            case "media":
                let payload = message["media"]?.object?["payload"]?.string.flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) } ?? []
                state.agentAudio += payload
                state.playedUntil = max(state.playedUntil, now) + .microseconds(Int64(payload.count * 125))
            case "mark":
                guard let name = message["mark"]?.object?["name"]?.string else { return }
                state.pendingMarks.append((name, max(state.playedUntil, now)))
            case "clear":
                state.playedUntil = now
                for index in state.pendingMarks.indices { state.pendingMarks[index].due = now }
            default: break
            }
        }
    }

    /// Echoes the marks whose audio has played by now; call it while the call runs.
    func echoDueMarks() async throws {
        let now = ContinuousClock.now
        let due = shared.state.withLock { state -> [String] in
            let due = state.pendingMarks.filter { $0.due <= now }.map(\.name)
            state.pendingMarks.removeAll { $0.due <= now }
            for name in due { state.echoed.append((name, now, Date())) }
            return due
        }
        for name in due { try await send(["event": "mark", "streamSid": .string(streamSid), "mark": ["name": .string(name)]]) }
    }

    func send(_ message: JSONObject) async throws {
        var message = message
        let sequence = shared.state.withLock { $0.sequence += 1; return $0.sequence }
        message["sequenceNumber"] = .string("\(sequence)")
        try await connection.send(text: JSONWriter.string(message))
    }

    func sendConnected() async throws {
        try await connection.send(text: #"{"event":"connected","protocol":"Call","version":"1.0.0"}"#)
    }

    func start(tenant: String? = nil) async throws {
        try await sendConnected()
        var parameters = JSONObject()
        if let tenant { parameters["tenant"] = .string(tenant) }
        try await send([
            "event": "start", "streamSid": .string(streamSid),
            "start": ["accountSid": "ACtest", "streamSid": .string(streamSid), "callSid": .string(callSid),
                      "tracks": ["inbound"], "customParameters": .object(parameters),
                      "mediaFormat": ["encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1]],
        ])
    }

    /// Sends µ-law audio as 20 ms media messages; `realTime` paces them (echoing due marks
    /// meanwhile), else they go as fast as the socket takes them.
    func say(_ mulaw: [UInt8], realTime: Bool = true) async throws {
        let clock = ContinuousClock()
        var next = clock.now
        for start in stride(from: 0, to: mulaw.count, by: 160) {
            let chunk = Array(mulaw[start..<min(start + 160, mulaw.count)])
            let (number, ts) = shared.state.withLock { state -> (Int, Int) in
                state.mediaChunks += 1
                return (state.mediaChunks, (state.mediaChunks - 1) * 20)
            }
            try await send(["event": "media", "streamSid": .string(streamSid),
                "media": ["track": "inbound", "chunk": .string("\(number)"), "timestamp": .string("\(ts)"),
                          "payload": .string(Data(chunk).base64EncodedString())]])
            if realTime {
                try await echoDueMarks()
                next += .milliseconds(20)
                try await clock.sleep(until: next)
            }
        }
    }

    /// Plays silence in real time (echoing marks) until `condition` holds or `timeout` passes.
    @discardableResult
    func listen(timeout: Duration = .seconds(60), until condition: (State) -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            // On a copy: the condition may look at the caller itself.
            let state = snapshot
            if condition(state) { return true }
            if state.closed != nil { return condition(snapshot) }
            do { try await say([UInt8](repeating: 0xFF, count: 160 * 5)) } catch {
                // The server closed the socket: what came before the close decides.
                _ = await waitUntilClosed(timeout: .seconds(5))
                return condition(snapshot)
            }
        }
        return false
    }

    func stop() async throws {
        try await send(["event": "stop", "streamSid": .string(streamSid), "stop": ["accountSid": "ACtest", "callSid": .string(callSid)]])
    }

    var snapshot: State { shared.state.withLock { $0 } }
    var events: [String] { snapshot.messages.compactMap { $0["event"]?.string } }

    /// Waits until the server has closed the socket.
    func waitUntilClosed(timeout: Duration = .seconds(60)) async -> (code: Int?, reason: String)? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let closed = shared.state.withLock({ $0.closed }) { return closed }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }
}
