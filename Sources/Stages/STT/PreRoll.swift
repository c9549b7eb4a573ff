import SwitchboardCore

/// The last few hundred milliseconds of caller audio, kept while nobody is speaking, so that
/// an utterance handed to a recognizer starts before the VAD noticed it. A VAD decides only
/// after some speech has been heard (on human recordings its onset comes ~140 ms late), and a
/// recognizer that misses the first phoneme mishears the first word.
struct PreRoll {
    let milliseconds: Int
    private var frames: [AudioFrame] = []
    private var heldMs = 0.0

    init(milliseconds: Int) { self.milliseconds = milliseconds }

    /// Keeps `frame`, forgetting the oldest audio beyond `milliseconds` (the oldest frame is
    /// kept while the rest alone is too short, so the pre-roll is never shorter than asked).
    mutating func keep(_ frame: AudioFrame) {
        guard milliseconds > 0 else { return }
        frames.append(frame)
        heldMs += frame.durationMs
        while let first = frames.first, heldMs - first.durationMs >= Double(milliseconds) {
            heldMs -= first.durationMs
            frames.removeFirst()
        }
    }

    /// Hands over what is held, oldest first, and starts again empty.
    mutating func take() -> [AudioFrame] {
        defer { frames = []; heldMs = 0 }
        return frames
    }
}
