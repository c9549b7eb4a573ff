import Audio

/// Says whether the utterance so far is a murmur — a hum with the mouth closed ("mm-hm",
/// "mhm", "hmm") — so that a consumer can wait before taking it for an interruption.
///
/// A closed mouth leaves one low resonance and a dip above it: in the telephone band nearly all
/// of a hum's energy lies under ~500 Hz and little between 500 and 1000 Hz, where open vowels
/// (and so the first syllable of almost any sentence) put their first formant. Measured on
/// espeak-ng hums of four voices, the last 100 ms of speech frames hold 4–20 dB more energy
/// (over the noise floor) in 300–470 Hz than in 470–1010 Hz; vowel onsets hold less, and a
/// sentence starting with a nasal ("my name", "no") drops below the threshold within its first
/// syllable. A glide or /i/ ("yeah", "he") also has a low first formant and counts as a murmur
/// until its vowel opens: this tells hums from open vowels, not words from hums.
///
/// The verdict is one-way within an utterance: once voiced it stays voiced.
struct MurmurTracker {
    enum Change: Equatable {
        case murmur(ts: Int)
        case voiced(ts: Int)
    }

    /// Window of speech frames judged together (5 × 20 ms).
    static let windowFrames = 5
    /// Energy of the low bands over the next ones (dB) at or above which the window is a murmur.
    static let murmurDB: Float = 3
    /// Frames in a row under the threshold before the utterance counts as voiced: one frame's
    /// dip is a hum's pitch wobble.
    static let voicedFrames = 2

    private var low: [Float] = Array(repeating: 0, count: windowFrames)
    private var mid: [Float] = Array(repeating: 0, count: windowFrames)
    private var next = 0
    private var count = 0
    /// Nil between utterances.
    private var isMurmur: Bool?
    private var framesBelow = 0

    /// One hop of the detector, `at` its media time, `inSpeech` whether an utterance is open
    /// after it (the endpointer's state), `started` whether this hop opened it at `startTs`.
    mutating func push(_ features: SpeechDetector.Features, at: Int, inSpeech: Bool, startTs: Int?) -> Change? {
        if features.isSpeech {
            low[next] = features.murmurLow
            mid[next] = features.murmurMid
            next = (next + 1) % Self.windowFrames
            count = min(count + 1, Self.windowFrames)
        } else if !inSpeech && !features.mayBeSpeech {
            count = 0
        }
        guard inSpeech else {
            isMurmur = nil
            return nil
        }
        let windowIsMurmur = lowOverMidDB >= Self.murmurDB
        if let startTs {
            isMurmur = windowIsMurmur
            framesBelow = 0
            return windowIsMurmur ? .murmur(ts: startTs) : nil
        }
        guard isMurmur == true, features.isSpeech else { return nil }
        framesBelow = windowIsMurmur ? 0 : framesBelow + 1
        guard framesBelow >= Self.voicedFrames else { return nil }
        isMurmur = false
        return .voiced(ts: at)
    }

    /// The window's low-band energy over its next bands, in dB (−∞-safe).
    var lowOverMidDB: Float {
        var l: Float = 0, m: Float = 0
        for i in 0..<count {
            let slot = (next - 1 - i + Self.windowFrames) % Self.windowFrames
            l += low[slot]
            m += mid[slot]
        }
        return Decibels.power(max(l, 1e-12) / max(m, 1e-12))
    }
}
