import ExtrasBase64

/// Incremental frame decoder: feed it bytes as they arrive, take frames out as they complete.
///
/// Header lines come from a `LineSplitter`; a header with `len` then waits for its payload.
/// Every kind of bad input becomes an `error` frame carrying the byte offset where the bad
/// line began, and decoding resumes at the next line.
public struct FrameDecoder {
    public let stage: String
    public let limits: FrameLimits
    /// Set once the input ended inside a payload, or turned out to be a sound file (the tool
    /// then exits with status 65).
    public private(set) var sawDataError = false
    /// The input began as a sound file: reported once, the rest is not frames and is skipped.
    private var skippingSoundFile = false
    private var sawFirstBytes = false

    private var lines: LineSplitter
    /// A header that asked for `length` payload bytes not all received yet.
    private var awaiting: (header: JSONObject, length: Int, offset: Int)?

    public init(stage: String, limits: FrameLimits = .standard) {
        self.stage = stage
        self.limits = limits
        self.lines = LineSplitter(maxLineBytes: limits.maxHeaderBytes)
    }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        guard !skippingSoundFile else { return }
        lines.append(bytes)
    }

    /// A WAV (or FLAC, Ogg…) file piped where frames are expected (`dump < call.wav`) would
    /// otherwise come out as a string of `invalid UTF-8` errors: say once what it is instead.
    private mutating func soundFileAtStart() -> Frame? {
        guard !sawFirstBytes, let start = lines.peek(SoundFileMagic.length) else { return nil }
        sawFirstBytes = true
        guard let format = SoundFileMagic.format(of: start) else { return nil }
        skippingSoundFile = true
        sawDataError = true
        _ = lines.dropBuffered()
        return error("the input is a \(format) file, not frames: read it with mulaw-decode -i FILE and pipe that in", offset: 0)
    }

    /// The next complete frame, or nil when more input is needed.
    public mutating func next() -> Frame? {
        if let soundFile = soundFileAtStart() { return soundFile }
        while true {
            if let pending = awaiting {
                guard let payload = lines.takeBytes(pending.length) else { return nil }
                awaiting = nil
                return makeFrame(header: pending.header, payload: payload, offset: pending.offset)
            }
            guard let item = lines.next() else { return nil }
            if let frame = take(item) { return frame }
        }
    }

    /// Call at end of input, repeatedly, until it returns nil: a last line without `\n` is still
    /// a line, and a payload cut short is reported.
    public mutating func finish() -> Frame? {
        while true {
            if let frame = next() { return frame }
            if let pending = awaiting {
                awaiting = nil
                let available = lines.dropBuffered()
                sawDataError = true
                return error(
                    "truncated payload: header declared len \(pending.length) but input ended after \(available) bytes",
                    offset: pending.offset)
            }
            guard let item = lines.finish() else { return nil }
            if let frame = take(item) { return frame }
        }
    }

    /// A frame or error for one line; nil for a blank line or a header now awaiting its payload.
    private mutating func take(_ item: LineSplitter.Item) -> Frame? {
        switch item {
        case .tooLong(let offset):
            return error("header line longer than \(limits.maxHeaderBytes) bytes", offset: offset)
        case .line(let line, let offset):
            switch line.withUnsafeBufferPointer({ decodeLine($0) }) {
            case .blank: return nil
            case .frame(let frame): return frame
            case .failure(let message): return error(message, offset: offset)
            case .needsPayload(let header, let length):
                awaiting = (header, length, offset)
                return nil
            case .inlinePayload(let header, let payload):
                return makeFrame(header: header, payload: payload, offset: offset)
            }
        }
    }

    private enum LineOutcome {
        case blank
        case frame(Frame)
        case failure(String)
        case needsPayload(JSONObject, Int)
        case inlinePayload(JSONObject, [UInt8])
    }

    private func decodeLine(_ rawLine: UnsafeBufferPointer<UInt8>) -> LineOutcome {
        var line = rawLine[...]
        if line.last == 0x0D { line = line.dropLast() }
        while let first = line.first, first == 0x20 || first == 0x09 { line = line.dropFirst() }
        guard let first = line.first else { return .blank }
        let bytes = UnsafeBufferPointer(rebasing: line)
        guard first == UInt8(ascii: "{") else {
            guard let text = String(validating: bytes, as: UTF8.self) else { return .failure("invalid UTF-8 in text line") }
            return .frame(.event(.text(text)))
        }
        let parsed: JSON
        do {
            parsed = try JSONParser.parse(bytes)
        } catch {
            return .failure("malformed frame header: \(error)")
        }
        guard case .object(var header) = parsed else { return .failure("frame header is not a JSON object") }
        // A header without "type" is refused by `Frame(header:)`, after its payload has been
        // taken off the input: a valid `len` still says how many bytes are not header lines.
        let len = header["len"]
        let b64 = header["b64"]
        header["len"] = nil
        header["b64"] = nil
        switch (len, b64) {
        case (.some, .some):
            return .failure(#"frame has both "len" and "b64""#)
        case (.some(let lenValue), nil):
            guard let length = lenValue.int, length >= 0, length <= limits.maxPayloadBytes else {
                return .failure("bad \"len\" \(JSONWriter.string(lenValue)): must be an integer from 0 to \(limits.maxPayloadBytes)")
            }
            return .needsPayload(header, length)
        case (nil, .some(let b64Value)):
            guard let text = b64Value.string else { return .failure(#""b64" must be a string"#) }
            guard text.utf8.count <= (limits.maxPayloadBytes / 3 + 1) * 4 else {
                return .failure("\"b64\" payload larger than \(limits.maxPayloadBytes) bytes")
            }
            guard let payload = try? Base64.decode(string: text) else { return .failure(#"bad base64 in "b64""#) }
            return .inlinePayload(header, payload)
        case (nil, nil):
            do {
                return .frame(try Frame(header: consume header, payload: nil))
            } catch {
                return .failure(error.message)
            }
        }
    }

    private func makeFrame(header: JSONObject, payload: [UInt8], offset: Int) -> Frame {
        do {
            return try Frame(header: header, payload: payload)
        } catch {
            return self.error(error.message, offset: offset)
        }
    }

    private func error(_ message: String, offset: Int) -> Frame {
        .error(stage: stage, message: message, offset: offset)
    }
}
