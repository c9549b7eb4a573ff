/// A canonical WAV file (RIFF, 44-byte header) around 16-bit mono PCM: the container every
/// transcription server reads, so raw telephony audio is wrapped before upload.
enum WAVFile {
    static func pcm16Mono(_ pcm: [UInt8], rate: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(44 + pcm.count)
        func ascii(_ text: String) { bytes += Array(text.utf8) }
        func uint32(_ value: Int) { withUnsafeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian) { bytes += $0 } }
        func uint16(_ value: Int) { withUnsafeBytes(of: UInt16(truncatingIfNeeded: value).littleEndian) { bytes += $0 } }
        ascii("RIFF")
        uint32(36 + pcm.count)
        ascii("WAVE")
        ascii("fmt ")
        uint32(16)  // the size of a PCM format chunk
        uint16(1)  // PCM
        uint16(1)  // mono
        uint32(rate)
        uint32(rate * 2)  // bytes per second
        uint16(2)  // bytes per frame
        uint16(16)  // bits per sample
        ascii("data")
        uint32(pcm.count)
        bytes += pcm
        return bytes
    }
}
