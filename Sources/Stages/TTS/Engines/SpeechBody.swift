import Providers
import Speech

/// A 2xx body as audio in the caller's format. Its start is checked before the engine
/// returns, so that a provider answering 200 with an error document, with a WAV file or with
/// nothing is a `ProviderError` failover can act on, not noise on the call. The rest is read
/// and converted only as the reader pulls.
struct SpeechBody: AsyncIteratorProtocol {
    private var body: HTTPBody.Iterator
    private let engine: String
    /// What the provider was asked to send.
    private let delivered: SpeechFormat
    /// nil: the body is already in the caller's format (µ-law passes through untouched).
    private var converter: SpeechConverter?
    /// Checked audio, read ahead by `open`.
    private var pending: [UInt8]
    /// Audio bytes of the body so far, a header not counted.
    private var received: Int
    private var ended: Bool
    private var finished = false

    static func open(_ response: HTTPResponse, engine: String, delivered: SpeechFormat, converter: SpeechConverter?) async throws -> SpeechBody {
        var body = response.body.makeAsyncIterator()
        if let type = response.header("Content-Type"), let problem = problem(contentType: type) {
            var start: [UInt8] = []
            while start.count < 300, let chunk = try await body.next() { start += chunk }
            throw garbage(engine, "answered 200 with \(problem) (Content-Type \(type)) instead of audio: "
                + String(decoding: start.prefix(300), as: UTF8.self))
        }
        var head: [UInt8] = []
        var ended = false
        func readMore() async throws {
            if let chunk = try await body.next() { head += chunk } else { ended = true }
        }
        // Enough to tell a header from audio: a RIFF/WAVE header takes 44 bytes at least.
        while head.count < 44, !ended { try await readMore() }
        if head.starts(with: "RIFF".utf8) {
            var wav = WAVHeader.parse(head)
            while wav == nil, !ended, head.count < 4096 {
                try await readMore()
                wav = WAVHeader.parse(head)
            }
            guard let wav else { throw garbage(engine, "sent a RIFF body without a WAVE data chunk in its first \(head.count) bytes") }
            // A WAV of what was asked costs only its header; of anything else, the call.
            guard wav.format == delivered else {
                throw garbage(engine, "sent a WAV file (\(wav.format?.description ?? wav.description)) when raw \(delivered) was asked")
            }
            head.removeFirst(wav.dataOffset)
        }
        while head.isEmpty, !ended { try await readMore() }
        guard !head.isEmpty else { throw garbage(engine, "answered 200 with no audio (an empty body)") }
        let speech = SpeechBody(body: body, engine: engine, delivered: delivered, converter: converter, pending: head,
            received: head.count, ended: ended)
        if ended { try speech.checkLength() }
        return speech
    }

    mutating func next() async throws -> SpeechChunk? {
        while !finished {
            var bytes = pending
            pending = []
            if bytes.isEmpty {
                if ended {
                    finished = true
                    let tail = converter?.finish() ?? []
                    return tail.isEmpty ? nil : SpeechChunk(audio: tail)
                }
                guard let chunk = try await body.next() else {
                    ended = true
                    try checkLength()
                    continue
                }
                received += chunk.count
                bytes = chunk
            }
            let audio = converter?.convert(bytes: bytes) ?? bytes
            if !audio.isEmpty { return SpeechChunk(audio: audio) }
        }
        return nil
    }

    /// 16-bit audio comes in whole samples; an odd length means a cut or a body that is not
    /// what was asked.
    private func checkLength() throws {
        guard delivered.codec == .pcm16, received % 2 == 1 else { return }
        throw Self.garbage(engine, "sent \(received) bytes of \(delivered): not a whole number of 16-bit samples")
    }

    /// What a Content-Type says the body is, when that is not raw audio.
    static func problem(contentType: String) -> String? {
        let type = contentType.lowercased()
        if type.contains("json") { return "JSON" }
        if type.contains("html") { return "HTML" }
        if type.hasPrefix("text/") || type.contains("xml") { return "text" }
        let compressed = ["mpeg", "mp3", "ogg", "opus", "aac", "flac", "webm", "mp4"]
        if type.hasPrefix("audio/"), compressed.contains(where: type.contains) { return "compressed audio" }
        return nil
    }

    static func garbage(_ engine: String, _ problem: String) -> ProviderError {
        ProviderError(kind: .protocolError, message: "\(engine): \(problem)")
    }
}

/// A RIFF/WAVE header at the start of a body: what its samples are and where they start.
struct WAVHeader: CustomStringConvertible {
    var tag = 0, channels = 0, rate = 0, bits = 0
    /// Where the `data` chunk's samples begin.
    var dataOffset = 0

    /// nil until the `data` chunk's header is in `bytes` (and when `fmt ` did not come first).
    static func parse(_ bytes: [UInt8]) -> WAVHeader? {
        func le(_ at: Int, _ count: Int) -> Int { (0..<count).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        guard bytes.count >= 12, bytes[8..<12].elementsEqual("WAVE".utf8) else { return nil }
        var header = WAVHeader()
        var sawFormat = false
        var offset = 12
        while offset + 8 <= bytes.count {
            let id = bytes[offset..<offset + 4]
            let size = le(offset + 4, 4)
            if id.elementsEqual("fmt ".utf8) {
                guard offset + 24 <= bytes.count else { return nil }
                (header.tag, header.channels, header.rate, header.bits) = (le(offset + 8, 2), le(offset + 10, 2), le(offset + 12, 4), le(offset + 22, 2))
                sawFormat = true
            } else if id.elementsEqual("data".utf8) {
                header.dataOffset = offset + 8
                return sawFormat ? header : nil
            }
            offset += 8 + size + size % 2
        }
        return nil
    }

    /// The samples' format when it is one of ours: mono 16-bit PCM (tag 1) or µ-law (tag 7).
    var format: SpeechFormat? {
        guard channels == 1 else { return nil }
        if tag == 1, bits == 16 { return SpeechFormat(codec: .pcm16, rate: rate) }
        if tag == 7, bits == 8 { return SpeechFormat(codec: .mulaw, rate: rate) }
        return nil
    }

    var description: String { "format tag \(tag), \(bits)-bit, \(channels) channel(s) at \(rate) Hz" }
}
