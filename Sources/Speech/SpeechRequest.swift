import SwitchboardCore

/// What to say and how: one request to a synthesizer.
public struct SpeechRequest: Sendable, Hashable {
    public var text: String
    /// An espeak-ng voice name or identifier (`en-us`, `en-gb`, `de`, a variant like `en-us+f3`).
    public var voice: String
    /// Words per minute (espeak-ng takes 80 to 450; 175 is its normal pace).
    public var rate: Int
    /// Base pitch, 0 to 100 (50 is the voice's normal).
    public var pitch: Int
    public var format: SpeechFormat
    /// Requests sharing a group (a call's turn, say) are dropped together by
    /// `EspeakSynthesizer.cancel(group:)`: the one synthesizing stops, the queued ones go.
    public var group: String?

    public static let rates = 80...450
    public static let pitches = 0...100

    public init(text: String, voice: String = "en-us", rate: Int = 175, pitch: Int = 50,
                format: SpeechFormat = .telephone, group: String? = nil) {
        self.text = text
        self.voice = voice
        self.rate = rate
        self.pitch = pitch
        self.format = format
        self.group = group
    }
}

/// The audio a request asks for: a codec and a sample rate. Always mono.
public struct SpeechFormat: Sendable, Hashable, CustomStringConvertible {
    public var codec: AudioCodec
    public var rate: Int

    /// Rates the streaming resampler is asked to produce; the engine's own is `EspeakSynthesizer.nativeRate`.
    public static let rates = 8000...48000

    public init(codec: AudioCodec, rate: Int) {
        self.codec = codec
        self.rate = rate
    }

    /// What Twilio plays: µ-law at 8000 Hz.
    public static let telephone = SpeechFormat(codec: .mulaw, rate: 8000)

    public var bytesPerSecond: Int { rate * codec.bytesPerSample }
    public var description: String { "\(codec.rawValue) at \(rate) Hz" }
}

/// A word the engine spoke and where it starts, in milliseconds from the start of the clip.
public struct SpokenWord: Sendable, Hashable, CustomStringConvertible {
    /// The word as written in the request's text (punctuation around it trimmed).
    public var text: String
    public var ms: Int

    public init(text: String, ms: Int) {
        self.text = text
        self.ms = ms
    }

    public var description: String { "\(text)@\(ms)" }
}

/// A piece of a clip as it is produced: audio in the request's format, and the words that
/// start in it (their `ms` counts from the start of the whole clip, not of this chunk).
public struct SpeechChunk: Sendable, Hashable {
    public var audio: [UInt8]
    public var words: [SpokenWord]

    public init(audio: [UInt8], words: [SpokenWord] = []) {
        self.audio = audio
        self.words = words
    }
}

/// A whole clip: what a cache stores, what a mock provider sends.
public struct SpeechClip: Sendable, Hashable {
    public var audio: [UInt8]
    public var words: [SpokenWord]
    public var format: SpeechFormat

    public init(audio: [UInt8], words: [SpokenWord], format: SpeechFormat) {
        self.audio = audio
        self.words = words
        self.format = format
    }

    /// Length in milliseconds.
    public var ms: Int { audio.count / format.codec.bytesPerSample * 1000 / format.rate }
}
