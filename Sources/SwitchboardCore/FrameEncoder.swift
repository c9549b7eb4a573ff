import ExtrasBase64

/// How frames are written: raw payload bytes after the header (`binary`), or the payload inline
/// as base64 (`text`, readable by `jq` and people).
public enum FrameEncoding: String, Sendable, CaseIterable {
    case binary
    case text
}

/// Serializes frames into bytes. Audio headers are written field by field rather than through a
/// `JSONObject`, because they are most of the traffic.
public struct FrameEncoder: Sendable {
    public var encoding: FrameEncoding

    public init(encoding: FrameEncoding = .binary) { self.encoding = encoding }

    public func encode(_ frame: Frame, into out: inout [UInt8]) {
        switch frame {
        case .audio(let audio):
            out.append(contentsOf: #"{"type":"audio","codec":""#.utf8)
            out.append(contentsOf: audio.codec.rawValue.utf8)
            out.append(contentsOf: #"","rate":"#.utf8)
            out.append(contentsOf: String(audio.rate).utf8)
            out.append(contentsOf: #","ts":"#.utf8)
            out.append(contentsOf: String(audio.ts).utf8)
            if let turn = audio.turn {
                out.append(contentsOf: #","turn":"#.utf8)
                out.append(contentsOf: String(turn).utf8)
            }
            appendFields(audio.extra, into: &out)
            appendPayload(audio.payload, into: &out)
        case .event(let event):
            out.append(contentsOf: #"{"type":"#.utf8)
            JSONWriter.writeString(event.type, into: &out)
            appendFields(event.fields, into: &out)
            if let payload = event.payload {
                appendPayload(payload, into: &out)
            } else {
                out.append(contentsOf: "}\n".utf8)
            }
        }
    }

    public func encode(_ frame: Frame) -> [UInt8] {
        var out: [UInt8] = []
        encode(frame, into: &out)
        return out
    }

    private func appendFields(_ fields: JSONObject, into out: inout [UInt8]) {
        for (key, value) in fields {
            out.append(UInt8(ascii: ","))
            JSONWriter.writeString(key, into: &out)
            out.append(UInt8(ascii: ":"))
            JSONWriter.write(value, into: &out)
        }
    }

    /// Closes the header with the payload key, then (binary) the payload itself.
    private func appendPayload(_ payload: [UInt8], into out: inout [UInt8]) {
        switch encoding {
        case .binary:
            out.append(contentsOf: #","len":"#.utf8)
            out.append(contentsOf: String(payload.count).utf8)
            out.append(contentsOf: "}\n".utf8)
            out.append(contentsOf: payload)
        case .text:
            out.append(contentsOf: #","b64":""#.utf8)
            out.append(contentsOf: Base64.encodeToBytes(bytes: payload))
            out.append(contentsOf: "\"}\n".utf8)
        }
    }
}
