import Audio
import SwitchboardCore

/// The `switchboard dump` stage: one readable event per frame. Audio is summarised — codec,
/// rate, ts, duration and level — instead of its bytes; events are shown as they are, with a
/// payload replaced by its size.
public struct FrameDump: Stage {
    public let name = "dump"
    public var showAudio: Bool

    public init(showAudio: Bool = true) { self.showAudio = showAudio }

    public func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
        for await frame in input {
            switch frame {
            case .audio(let audio):
                guard showAudio else { continue }
                try await output.send(Self.summary(of: audio))
            case .event(var event):
                if let payload = event.payload {
                    event.payload = nil
                    event["payload_bytes"] = .int(payload.count)
                }
                try await output.send(event)
            }
        }
    }

    public static func summary(of audio: AudioFrame) -> Event {
        var fields: JSONObject = [
            "codec": .string(audio.codec.rawValue), "rate": .int(audio.rate), "ts": .int(audio.ts),
        ]
        if let turn = audio.turn { fields["turn"] = .int(turn) }
        fields["ms"] = .double((audio.durationMs * 100).rounded() / 100)
        fields["bytes"] = .int(audio.payload.count)
        if let level = PCM16.rmsDBFS(audio.pcmSamples) {
            fields["rms_dbfs"] = .double((level * 10).rounded() / 10)
        }
        for (key, value) in audio.extra where fields[key] == nil { fields[key] = value }
        return Event("audio", fields)
    }
}
