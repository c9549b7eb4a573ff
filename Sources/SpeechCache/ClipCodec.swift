import Crypto
import Speech
import SwitchboardCore

/// A clip as stored: the audio exactly as the stage emits it, its words and format, sealed
/// with a SHA-256 so that a file cut short by a crash, or bytes garbled anywhere, are never
/// served as audio.
///
/// ```
/// "SBCLIP1\n"                      8 bytes
/// header length H                  4 bytes, little-endian
/// header                           H bytes of JSON: {"codec":"mulaw","rate":8000,"audio":N,"words":[{"text":…,"ms":…}]}
/// audio                            N bytes
/// SHA-256 of everything above      32 bytes
/// ```
public enum ClipCodec {
    static let magic = Array("SBCLIP1\n".utf8)
    static let digestBytes = 32

    public static func encode(_ clip: SpeechClip) -> [UInt8] {
        let header: JSON = .object([
            "codec": .string(clip.format.codec.rawValue), "rate": .int(clip.format.rate), "audio": .int(clip.audio.count),
            "words": .array(clip.words.map { .object(["text": .string($0.text), "ms": .int($0.ms)]) }),
        ])
        let headerBytes = Array(JSONWriter.string(header).utf8)
        var bytes = magic
        bytes.reserveCapacity(magic.count + 4 + headerBytes.count + clip.audio.count + digestBytes)
        withUnsafeBytes(of: UInt32(headerBytes.count).littleEndian) { bytes += $0 }
        bytes += headerBytes
        bytes += clip.audio
        bytes += SHA256.hash(data: bytes)
        return bytes
    }

    /// The clip in `bytes`, or why they are not one (`ClipCodecError` names the damage).
    public static func decode(_ bytes: [UInt8]) throws(ClipCodecError) -> SpeechClip {
        let fixed = magic.count + 4
        guard bytes.count >= fixed + digestBytes, bytes.starts(with: magic) else { throw .notAClip }
        let headerLength = Int(UInt32(bytes[8]) | UInt32(bytes[9]) << 8 | UInt32(bytes[10]) << 16 | UInt32(bytes[11]) << 24)
        guard headerLength <= bytes.count - fixed - digestBytes else { throw .truncated(bytes.count) }
        let sealed = bytes.count - digestBytes
        guard SHA256.hash(data: bytes[..<sealed]).elementsEqual(bytes[sealed...]) else {
            throw .checksumMismatch
        }
        guard let header = (try? JSONParser.parse(Array(bytes[fixed..<fixed + headerLength])))?.object,
            let codec = header["codec"]?.string.flatMap(AudioCodec.init(rawValue:)), let rate = header["rate"]?.int,
            let audioLength = header["audio"]?.int, case .array(let wordList)? = header["words"]
        else { throw .badHeader }
        let audioStart = fixed + headerLength
        guard audioStart + audioLength == sealed else { throw .truncated(bytes.count) }
        var words: [SpokenWord] = []
        for case .object(let word) in wordList {
            guard let text = word["text"]?.string, let ms = word["ms"]?.int else { throw .badHeader }
            words.append(SpokenWord(text: text, ms: ms))
        }
        return SpeechClip(audio: Array(bytes[audioStart..<sealed]), words: words, format: SpeechFormat(codec: codec, rate: rate))
    }
}

/// Why stored bytes were not served.
public enum ClipCodecError: Error, Equatable, CustomStringConvertible {
    case notAClip
    case truncated(Int)
    case checksumMismatch
    case badHeader

    public var description: String {
        switch self {
        case .notAClip: "not a stored clip (no SBCLIP1 header)"
        case .truncated(let bytes): "stored clip is cut short (\(bytes) bytes)"
        case .checksumMismatch: "stored clip fails its SHA-256 check"
        case .badHeader: "stored clip has an unreadable header"
        }
    }
}
