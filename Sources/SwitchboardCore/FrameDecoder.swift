import ExtrasBase64

/// Incremental frame decoder: feed it bytes as they arrive, take frames out as they complete.
///
/// Modelled on swift-nio-extras' `LineBasedFrameDecoder`: it remembers how far it has already
/// looked for the end of a header line, so a header split over many reads is scanned once.
/// Every kind of bad input becomes an `error` frame carrying the byte offset where the bad
/// line began; decoding then resumes at the next line.
public struct FrameDecoder {
    public let stage: String
    public let limits: FrameLimits
    /// Set once the input ended inside a payload (the tool then exits with status 65).
    public private(set) var sawTruncatedPayload = false

    private var buffer = InputBuffer()
    private var state = State.header(scanned: 0)

    private enum State {
        /// Looking for the `\n` that ends a header line; `scanned` bytes hold none.
        case header(scanned: Int)
        /// A header asked for `length` payload bytes.
        case payload(header: JSONObject, length: Int, headerOffset: Int)
        /// Skipping the rest of a line that was too long to be a header.
        case discardingLine
    }

    public init(stage: String, limits: FrameLimits = .standard) {
        self.stage = stage
        self.limits = limits
    }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(bytes)
    }

    /// The next complete frame, or nil when more input is needed.
    public mutating func next() -> Frame? {
        while true {
            switch state {
            case .header(let scanned):
                guard let newline = buffer.firstIndex(of: 0x0A, from: scanned) else {
                    if buffer.readableCount > limits.maxHeaderBytes {
                        let offset = buffer.streamOffset
                        buffer.skip(buffer.readableCount)
                        state = .discardingLine
                        return error("header line longer than \(limits.maxHeaderBytes) bytes", offset: offset)
                    }
                    state = .header(scanned: buffer.readableCount)
                    return nil
                }
                state = .header(scanned: 0)
                if newline > limits.maxHeaderBytes {
                    let offset = buffer.streamOffset
                    buffer.skip(newline + 1)
                    return error("header line longer than \(limits.maxHeaderBytes) bytes", offset: offset)
                }
                if let frame = takeLine(length: newline, consuming: newline + 1) { return frame }

            case .payload(let header, let length, _):
                guard buffer.readableCount >= length else { return nil }
                state = .header(scanned: 0)
                return makeFrame(header: header, payload: buffer.read(length), offset: buffer.streamOffset - length)

            case .discardingLine:
                guard let newline = buffer.firstIndex(of: 0x0A, from: 0) else {
                    buffer.skip(buffer.readableCount)
                    return nil
                }
                buffer.skip(newline + 1)
                state = .header(scanned: 0)
            }
        }
    }

    /// Call at end of input, repeatedly, until it returns nil: a last line without `\n` is still
    /// a line, and a payload cut short is reported.
    public mutating func finish() -> Frame? {
        if let frame = next() { return frame }
        switch state {
        case .header:
            guard buffer.readableCount > 0 else { return nil }
            let length = buffer.readableCount
            if let frame = takeLine(length: length, consuming: length) { return frame }
            return finish()
        case .payload(_, let length, let headerOffset):
            let available = buffer.readableCount
            buffer.skip(available)
            state = .header(scanned: 0)
            sawTruncatedPayload = true
            return error("truncated payload: header declared len \(length) but input ended after \(available) bytes",
                offset: headerOffset)
        case .discardingLine:
            return nil
        }
    }

    // MARK: - Lines

    /// Decodes the header line of `length` bytes at the read position and consumes `consuming`
    /// bytes. Returns a frame, an error, or nil for a blank line or a header awaiting its payload.
    private mutating func takeLine(length: Int, consuming: Int) -> Frame? {
        let offset = buffer.streamOffset
        let outcome = buffer.withReadable(length) { line in decodeLine(line) }
        buffer.skip(consuming)
        switch outcome {
        case .blank: return nil
        case .frame(let frame): return frame
        case .failure(let message): return error(message, offset: offset)
        case .needsPayload(let header, let payloadLength):
            state = .payload(header: header, length: payloadLength, headerOffset: offset)
            return nil
        case .inlinePayload(let header, let payload):
            return makeFrame(header: header, payload: payload, offset: offset)
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
        guard header["type"] != nil else { return .failure(#"frame header has no "type""#) }
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
                return .frame(try Frame(header: header, payload: nil))
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
