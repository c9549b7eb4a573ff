import CSndFile

public struct SoundFileError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Reads any sound file libsndfile knows (WAV, FLAC, Ogg, AIFF, AU, …) as mono 16-bit samples.
/// Raw headerless µ-law (`.ulaw`, `.mulaw`, `.ul`, `.raw`) is read as 8 kHz telephone audio.
public final class SoundFileReader: @unchecked Sendable {
    public let path: String
    public let sampleRate: Int
    public let channels: Int
    /// Sample frames in the file (per channel), when the format knows it.
    public let frameCount: Int
    private let handle: OpaquePointer
    private var interleaved: [Int16] = []

    public static let rawMuLawExtensions: Set<String> = ["ulaw", "mulaw", "ul", "raw", "pcmu"]

    public init(path: String) throws {
        var info = SF_INFO()
        if Self.rawMuLawExtensions.contains(Self.fileExtension(path)) {
            info.samplerate = 8000
            info.channels = 1
            info.format = Int32(SF_FORMAT_RAW) | Int32(SF_FORMAT_ULAW)
        }
        guard let handle = sf_open(path, Int32(SFM_READ), &info) else {
            throw SoundFileError("cannot read sound file \(path): \(String(cString: sf_strerror(nil)))")
        }
        self.path = path
        self.handle = handle
        self.sampleRate = Int(info.samplerate)
        self.channels = Int(info.channels)
        self.frameCount = Int(info.frames)
    }

    deinit { sf_close(handle) }

    /// Up to `count` mono samples (channels averaged); an empty array at end of file.
    public func read(_ count: Int) -> [Int16] {
        if interleaved.count < count * channels { interleaved = [Int16](repeating: 0, count: count * channels) }
        let got = Int(interleaved.withUnsafeMutableBufferPointer { sf_readf_short(handle, $0.baseAddress, sf_count_t(count)) })
        guard got > 0 else { return [] }
        if channels == 1 { return Array(interleaved[0..<got]) }
        var mono = [Int16](repeating: 0, count: got)
        for frame in 0..<got {
            var sum = 0
            for channel in 0..<channels { sum += Int(interleaved[frame * channels + channel]) }
            mono[frame] = Int16(sum / channels)
        }
        return mono
    }

    /// All the (remaining) samples of the file.
    public func readAll() -> [Int16] {
        var samples: [Int16] = []
        samples.reserveCapacity(max(frameCount, 0))
        while true {
            let chunk = read(65536)
            if chunk.isEmpty { return samples }
            samples += chunk
        }
    }

    static func fileExtension(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "" }
        return path[path.index(after: dot)...].lowercased()
    }
}

/// Writes audio to a sound file whose container follows the file name's extension: mono, or
/// `channels` interleaved (a call's stereo recording).
///
/// Telephone audio is stored as µ-law where the container allows it (WAV, AU, CAF, raw), so
/// nothing is lost or re-quantised; FLAC and AIFF store 16-bit PCM, Ogg Vorbis.
public final class SoundFileWriter {
    public let path: String
    public let sampleRate: Int
    public let channels: Int
    /// The file holds µ-law (WAV, AU, CAF, raw), so `writeMuLaw` can store bytes unchanged.
    public let storesMuLaw: Bool
    private var handle: OpaquePointer?

    public enum Encoding: Sendable { case mulaw, pcm16 }

    public init(path: String, sampleRate: Int, encoding: Encoding = .mulaw, channels: Int = 1) throws {
        let ext = SoundFileReader.fileExtension(path)
        let major: Int32
        switch ext {
        case "wav", "wave": major = Int32(SF_FORMAT_WAV)
        case "au", "snd": major = Int32(SF_FORMAT_AU)
        case "aif", "aiff", "aifc": major = Int32(SF_FORMAT_AIFF)
        case "flac": major = Int32(SF_FORMAT_FLAC)
        case "ogg", "oga": major = Int32(SF_FORMAT_OGG)
        case "caf": major = Int32(SF_FORMAT_CAF)
        case _ where SoundFileReader.rawMuLawExtensions.contains(ext): major = Int32(SF_FORMAT_RAW)
        default:
            throw SoundFileError("cannot tell the sound file format of \(path) (use .wav, .flac, .au, .aiff, .ogg, .caf or .ulaw)")
        }
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = Int32(channels)
        // AIFF-C µ-law is valid but many tools (sox among them) cannot read it.
        let keepsMuLaw = encoding == .mulaw && major != Int32(SF_FORMAT_AIFF)
        let preferred = keepsMuLaw ? Int32(SF_FORMAT_ULAW) : Int32(SF_FORMAT_PCM_16)
        info.format = major | preferred
        if sf_format_check(&info) == 0 {
            info.format = major | (major == Int32(SF_FORMAT_OGG) ? Int32(SF_FORMAT_VORBIS) : Int32(SF_FORMAT_PCM_16))
        }
        guard let handle = sf_open(path, Int32(SFM_WRITE), &info) else {
            throw SoundFileError("cannot write sound file \(path): \(String(cString: sf_strerror(nil)))")
        }
        self.path = path
        self.sampleRate = sampleRate
        self.channels = channels
        self.storesMuLaw = info.format & Int32(SF_FORMAT_SUBMASK) == Int32(SF_FORMAT_ULAW)
        self.handle = handle
    }

    deinit { close() }

    /// `samples` interleaved, a whole number of frames (one sample per channel).
    public func write(_ samples: [Int16]) throws {
        guard let handle else { throw SoundFileError("\(path) is already closed") }
        let frames = samples.count / channels
        let written = samples.withUnsafeBufferPointer { sf_writef_short(handle, $0.baseAddress, sf_count_t(frames)) }
        guard written == frames else {
            throw SoundFileError("write to \(path) failed: \(String(cString: sf_strerror(handle)))")
        }
    }

    /// Bytes already in the file's encoding, interleaved (a call's µ-law as Twilio sent it,
    /// written unchanged); only when the file stores µ-law.
    public func writeMuLaw(_ bytes: [UInt8]) throws {
        guard let handle else { throw SoundFileError("\(path) is already closed") }
        guard storesMuLaw else { throw SoundFileError("\(path) does not store µ-law") }
        let written = bytes.withUnsafeBytes { sf_write_raw(handle, $0.baseAddress, sf_count_t($0.count)) }
        guard written == bytes.count else {
            throw SoundFileError("write to \(path) failed: \(String(cString: sf_strerror(handle)))")
        }
    }

    public func close() {
        if let handle { sf_close(handle) }
        handle = nil
    }
}
