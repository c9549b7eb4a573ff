/// How a sound file with a header announces itself in its first bytes.
public enum SoundFileMagic {
    /// Bytes needed to tell: WAV and AIFF name their form at offset 8.
    public static let length = 12

    /// "WAV", "FLAC", "Ogg", "AIFF" or "AU" for a file that starts with `bytes`; nil otherwise.
    public static func format(of bytes: some Collection<UInt8>) -> String? {
        let start = Array(bytes.prefix(length))
        func text(_ range: Range<Int>) -> String {
            range.upperBound <= start.count ? String(decoding: start[range], as: UTF8.self) : ""
        }
        switch text(0..<4) {
        case "RIFF", "RIFX", "RF64": return text(8..<12) == "WAVE" ? "WAV" : nil
        case "fLaC": return "FLAC"
        case "OggS": return "Ogg"
        case "FORM": return ["AIFF", "AIFC"].contains(text(8..<12)) ? "AIFF" : nil
        case ".snd": return "AU"
        default: return nil
        }
    }
}
