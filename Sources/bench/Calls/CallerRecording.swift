import Audio
import SwitchboardCore

/// What one benchmark caller sends, frame by frame, as Twilio would deliver it after
/// `mulaw-decode`'s input: a `start`, then per caller line 1.5 s of speech (cut from the
/// sample call), the `transcript` a speech recogniser would send at its end, and 4 s of
/// silence while the agent answers. The same recording is shared by every call.
struct CallerRecording: Sendable {
    enum Step: Sendable {
        case frame(Frame)
        /// The caller finished a turn: the agent's answer is timed from here.
        case endOfTurn(Frame)
    }

    static let frameMs = 20
    let steps: [Step]
    var durationMs: Int { steps.count * Self.frameMs }

    init(speech path: String, lines: [String]) throws {
        let reader = try SoundFileReader(path: path)
        let speech = MuLaw.encode(reader.read(reader.frameCount))
        let frameBytes = 8000 * Self.frameMs / 1000
        var steps: [Step] = []
        var ts = 0
        var cursor = 0
        func audio(_ payload: [UInt8]) {
            steps.append(.frame(.audio(AudioFrame(codec: .mulaw, rate: 8000, ts: ts, payload: payload))))
            ts += Self.frameMs
        }
        for line in lines {
            for _ in 0..<(1500 / Self.frameMs) {
                if cursor + frameBytes > speech.count { cursor = 0 }
                audio(Array(speech[cursor..<(cursor + frameBytes)]))
                cursor += frameBytes
            }
            let transcript = Event("transcript", [
                "text": .string(line), "final": true, "endpoint": true, "confidence": 0.9, "ts": .int(ts), "engine": "recorded",
            ])
            steps.append(.endOfTurn(.event(transcript)))
            for _ in 0..<(4000 / Self.frameMs) { audio([UInt8](repeating: 0xFF, count: frameBytes)) }
        }
        self.steps = steps
    }
}
