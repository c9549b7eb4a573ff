import Foundation
import Crypto
import Speech

/// The address of a clip: SHA-256 over what decides its every sample — the text as it is
/// spoken (`SpeechText.normalized`), the engine and its voice settings, the codec and the
/// rate. Two requests that would sound the same share a key; any difference (another voice,
/// pitch or rate) gives another.
public struct ClipKey: Sendable, Hashable, CustomStringConvertible {
    /// 64 lower-case hex digits.
    public let hex: String

    /// `voice` is everything about the engine besides the text and format: its name, voice,
    /// model, pace (`TTSEngine.voiceIdentity`).
    public init(text: String, voice: String, format: SpeechFormat) {
        // One field per line, the text last: no field can run into the next.
        let material = "switchboard-clip-1\n\(voice)\n\(format.codec.rawValue)\n\(format.rate)\n\(SpeechText.normalized(text))"
        hex = SHA256.hash(data: Array(material.utf8)).map { byte in
            let digits = Array("0123456789abcdef".utf8)
            return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
        }.joined()
    }

    /// A key read back from a store's listing; nil unless it is 64 hex digits.
    public init?(hex: String) {
        guard hex.utf8.count == 64, hex.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return nil }
        self.hex = hex
    }

    public var description: String { hex }
}

/// Text as the cache sees it: what differs only in ways no listener hears is one entry.
public enum SpeechText {
    /// Unicode NFC (a precomposed `é` and `e` + combining acute are one key), every run of
    /// white space one space, trimmed at both ends.
    public static func normalized(_ text: String) -> String {
        // Swift compares strings by canonical equivalence but stores them as given; the NFC
        // form is what makes equal-looking text hash alike.
        let composed = text.precomposedStringWithCanonicalMapping
        return composed.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
