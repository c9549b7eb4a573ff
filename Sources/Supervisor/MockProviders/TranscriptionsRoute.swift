import Foundation
import Hummingbird
import SwitchboardCore

/// `POST /v1/audio/transcriptions`: parses the multipart upload (a `file` part and a
/// `model` field are required) and answers with the next transcript line, as `json`
/// (`{"text": …}`, the default) or plain `text`. Every well-formed upload is recorded
/// (`MockProviders.transcriptionUploads`) for tests to look into.
struct TranscriptionsRoute: Sendable {
    let state: MockState
    let faults: MockFaults

    func respond(_ request: Request) async throws -> Response {
        guard let contentType = request.headers[.contentType], contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = contentType.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) })
                .first(where: { $0.hasPrefix("boundary=") }).map({ String($0.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) })
        else { return ProviderErrors.badRequest("expected multipart/form-data with a boundary") }
        let body = Array(try await request.body.collect(upTo: 32 * 1024 * 1024).readableBytesView)
        let parts = MultipartParser.parse(body, boundary: boundary)
        guard let file = parts.first(where: { $0.name == "file" }), file.filename != nil, !file.content.isEmpty else {
            return ProviderErrors.badRequest("a non-empty file part with a filename is required")
        }
        guard parts.contains(where: { $0.name == "model" }) else { return ProviderErrors.badRequest("you must provide a model parameter") }
        let format = parts.first { $0.name == "response_format" }.map { String(decoding: $0.content, as: UTF8.self) } ?? "json"
        var fields: [String: String] = [:]
        for part in parts where part.filename == nil { if let name = part.name { fields[name] = String(decoding: part.content, as: UTF8.self) } }
        state.recordUpload(MockTranscriptionUpload(fields: fields, filename: file.filename, file: file.content,
            authorization: request.headers[.authorization]))
        let outcome = state.outcome(for: .transcriptions)
        if let injected = ProviderErrors.injected(outcome, faults: faults) { return injected }
        try await Task.sleep(for: .milliseconds(faults.ttfbMs))
        let text = state.transcript()
        if format == "text" {
            return Response(status: .ok, headers: [.contentType: "text/plain"], body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
        }
        return Response(status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: JSONWriter.string(JSON.object(["text": .string(text)])))))
    }
}

/// One upload the transcription route received.
public struct MockTranscriptionUpload: Sendable {
    /// The form's text fields (`model`, `language`, `response_format`, …).
    public var fields: [String: String]
    public var filename: String?
    /// The `file` part's bytes.
    public var file: [UInt8]
    public var authorization: String?
}

extension MockProviders {
    /// Every transcription upload so far, in order.
    public var transcriptionUploads: [MockTranscriptionUpload] { state.uploads }
}

/// Just enough of RFC 7578 to read an upload: parts, their names, filenames and bytes.
enum MultipartParser {
    struct Part {
        var name: String?
        var filename: String?
        var content: [UInt8]
    }

    static func parse(_ body: [UInt8], boundary: String) -> [Part] {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [Part] = []
        var starts: [Int] = []
        var i = 0
        while i + delimiter.count <= body.count {
            if body[i] == delimiter[0], Array(body[i..<i + delimiter.count]) == delimiter {
                starts.append(i)
                i += delimiter.count
            } else {
                i += 1
            }
        }
        for (a, b) in zip(starts, starts.dropFirst()) {
            var section = Array(body[(a + delimiter.count)..<b])
            if section.starts(with: [13, 10]) { section.removeFirst(2) }
            if section.suffix(2) == [13, 10] { section.removeLast(2) }
            guard let split = (0..<max(0, section.count - 3)).first(where: { section[$0..<$0 + 4].elementsEqual([13, 10, 13, 10]) }) else { continue }
            let head = String(decoding: section[..<split], as: UTF8.self)
            var part = Part(content: Array(section[(split + 4)...]))
            for line in head.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                part.name = parameter("name", in: line)
                part.filename = parameter("filename", in: line)
            }
            parts.append(part)
        }
        return parts
    }

    private static func parameter(_ name: String, in line: String) -> String? {
        guard let range = line.range(of: "; \(name)=\"") else { return nil }
        let rest = line[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
