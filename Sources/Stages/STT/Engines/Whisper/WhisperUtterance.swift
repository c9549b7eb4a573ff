import Audio
import Speech

/// One utterance's audio gathered for upload, from its `begin` to its `end`.
struct WhisperUtterance: Sendable {
    let number: Int
    let ts: Int
    var endTs: Int
    /// 16-bit PCM at `rate` (the first chunk's; a chunk at another rate is not kept).
    private(set) var pcm: [UInt8] = []
    private(set) var rate: Int?
    /// Beyond this much audio the rest is not kept: an upload has a size limit (25 MB at
    /// OpenAI), and a caller talking this long without a pause is no longer one utterance.
    let limitSeconds: Int
    private(set) var truncated = false

    init(number: Int, ts: Int, limitSeconds: Int) {
        self.number = number
        self.ts = ts
        self.endTs = ts
        self.limitSeconds = limitSeconds
    }

    mutating func append(_ chunk: AudioChunk) {
        let bytes = chunk.format.codec == .mulaw ? MuLaw.decodeToPCM16(chunk.bytes) : chunk.bytes
        let rate = self.rate ?? chunk.format.rate
        self.rate = rate
        guard chunk.format.rate == rate, pcm.count + bytes.count <= limitSeconds * rate * 2 else {
            truncated = true
            return
        }
        pcm += bytes
    }

    var wav: [UInt8] { WAVFile.pcm16Mono(pcm, rate: rate ?? 16000) }
}
