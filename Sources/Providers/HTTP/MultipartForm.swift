import Foundation

/// A `multipart/form-data` body (RFC 7578), as file uploads to transcription APIs need.
public struct MultipartForm: Sendable {
    public let boundary: String
    private var parts: [[UInt8]] = []

    /// The boundary must not occur in any part; a random one of 32 hex digits will not.
    public init(boundary: String = "switchboard-" + (0..<4).map { _ in String(UInt32.random(in: .min ... .max), radix: 16) }.joined()) {
        self.boundary = boundary
    }

    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    public mutating func addField(_ name: String, _ value: String) {
        addPart(disposition: "form-data; name=\"\(Self.quoted(name))\"", contentType: nil, content: Array(value.utf8))
    }

    public mutating func addFile(_ name: String, filename: String, contentType: String, data: [UInt8]) {
        addPart(
            disposition: "form-data; name=\"\(Self.quoted(name))\"; filename=\"\(Self.quoted(filename))\"",
            contentType: contentType, content: data)
    }

    /// The encoded body, closing delimiter included.
    public var body: [UInt8] {
        var bytes: [UInt8] = []
        for part in parts { bytes += part }
        bytes += Array("--\(boundary)--\r\n".utf8)
        return bytes
    }

    private mutating func addPart(disposition: String, contentType: String?, content: [UInt8]) {
        var head = "--\(boundary)\r\nContent-Disposition: \(disposition)\r\n"
        if let contentType { head += "Content-Type: \(contentType)\r\n" }
        head += "\r\n"
        parts.append(Array(head.utf8) + content + Array("\r\n".utf8))
    }

    /// Quotes and line breaks cannot appear inside a quoted header parameter.
    private static func quoted(_ value: String) -> String {
        value.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }
}
