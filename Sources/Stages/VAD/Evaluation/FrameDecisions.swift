import Foundation

/// Another detector's per-frame decisions over a corpus, as `scripts/vad-compare.py` writes them:
/// `{"detector", "frame_ms", "cpu_seconds", "audio_seconds", "files": {"name.wav": "0011…"}}`.
public struct FrameDecisions: Sendable, Decodable {
    public var detector: String
    public var frameMs: Double
    public var cpuSeconds: Double
    public var audioSeconds: Double
    public var files: [String: String]

    enum CodingKeys: String, CodingKey {
        case detector, files
        case frameMs = "frame_ms"
        case cpuSeconds = "cpu_seconds"
        case audioSeconds = "audio_seconds"
    }

    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationError("cannot read decisions from \(path)")
        }
        do {
            self = try JSONDecoder().decode(Self.self, from: data)
        } catch {
            throw EvaluationError("\(path) is not a decisions file: \(error)")
        }
        guard frameMs > 0 else { throw EvaluationError("\(path): frame_ms must be positive, not \(frameMs)") }
    }

    /// The utterances the endpointer finds in one file's decisions.
    public func utterances(of file: String, endpointing: Endpointer.Settings) -> [Range<Int>]? {
        guard let decisions = files[file] else { return nil }
        var endpointer = Endpointer(endpointing)
        var transitions: [Endpointer.Transition] = []
        for (index, decision) in decisions.utf8.enumerated() {
            if let t = endpointer.push(isSpeech: decision == UInt8(ascii: "1"), at: Double(index) * frameMs, durationMs: frameMs) {
                transitions.append(t)
            }
        }
        if let t = endpointer.finish() { transitions.append(t) }
        return transitions.utterances()
    }
}
