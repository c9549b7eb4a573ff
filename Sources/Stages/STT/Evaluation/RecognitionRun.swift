import Audio
import Foundation
import SwitchboardCore

/// One corpus item through the `stt-stream` stage, as a call would send it: the `listen` event
/// of its dialogue state (when the mode narrows per step), `vad start`, the audio in 20 ms
/// frames, `vad end`, `stop`. What comes back is the utterance's endpointed transcript.
public enum RecognitionRun {
    public struct Outcome: Sendable {
        public var text: String
        public var engine: String?
        public var audioSeconds: Double
    }

    public static func recognize(_ file: String, listen: ListenContext?, settings: STTSettings) async throws -> Outcome {
        let reader = try SoundFileReader(path: file)
        let samples = reader.readAll()
        let rate = reader.sampleRate
        var frames: [Frame] = []
        if let listen { frames.append(.event(listen.event(turn: nil))) }
        frames.append(.event(Event("vad", ["event": "start", "ts": 0])))
        let step = rate / 50
        var ts = 0
        for start in stride(from: 0, to: samples.count, by: step) {
            let chunk = Array(samples[start..<min(start + step, samples.count)])
            frames.append(.audio(AudioFrame(codec: .pcm16, rate: rate, ts: ts, payload: PCM16.bytes(chunk))))
            ts += 20
        }
        frames.append(.event(Event("vad", ["event": "end", "ts": .int(ts)])))
        frames.append(.event(Event("stop")))
        let sink = Collected()
        try await STTStream(settings: settings).run(FrameList(frames), to: sink)
        let final = sink.frames.compactMap(\.event).last { $0.type == "transcript" && $0["endpoint"]?.bool == true }
        return Outcome(text: final?["text"]?.string ?? "", engine: final?["engine"]?.string, audioSeconds: Double(samples.count) / Double(rate))
    }
}

/// Keeps what a stage sends.
final class Collected: FrameSink, @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [Frame] = []
    var frames: [Frame] { lock.withLock { kept } }
    func send(_ frame: Frame) async throws { lock.withLock { kept.append(frame) } }
    func finish() async throws {}
}
