import Foundation

/// A provider that breaks its protocol: a server on 127.0.0.1 that answers every request with
/// the same status, headers and body, one connection at a time, and keeps the last request
/// so a test can see exactly what an engine sent.
final class CannedHTTPServer: @unchecked Sendable {
    struct Request {
        var head: String
        var body: [UInt8]
        /// "POST /path?query HTTP/1.1"
        var line: String { head.components(separatedBy: "\r\n").first ?? "" }
        func header(_ name: String) -> String? {
            head.components(separatedBy: "\r\n").dropFirst().first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
                .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
        }
    }

    let url: String
    private let listener: Int32
    private let lock = NSLock()
    private var received: Request?

    var lastRequest: Request? { lock.withLock { received } }

    init(status: Int = 200, headers: [String: String] = [:], body: [UInt8] = []) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutableBytes(of: &address) { raw in
            let socketAddress = raw.baseAddress!.assumingMemoryBound(to: sockaddr.self)
            return bind(listener, socketAddress, length) == 0 && listen(listener, 16) == 0 && getsockname(listener, socketAddress, &length) == 0
        }
        guard listening else {
            close(listener)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        url = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
        var head = "HTTP/1.1 \(status) Canned\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let response = Array((head + "\r\n").utf8) + body
        Thread.detachNewThread { [self] in answer(with: response) }
    }

    /// Stops accepting. The thread closes the listener as it leaves, so that its number is
    /// not reused by another server's socket while this thread may still accept on it.
    func shutdown() { Glibc.shutdown(listener, Int32(SHUT_RDWR)) }

    private func answer(with response: [UInt8]) {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                close(listener)
                return
            }
            if let request = read(connection) { lock.withLock { received = request } }
            _ = response.withUnsafeBytes { send(connection, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
            close(connection)
        }
    }

    /// The request head and its `Content-Length` bytes of body.
    private func read(_ connection: Int32) -> Request? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16384)
        let separator = Array("\r\n\r\n".utf8)
        while true {
            if let end = bytes.firstRange(of: separator) {
                let request = Request(head: String(decoding: bytes[..<end.lowerBound], as: UTF8.self), body: Array(bytes[end.upperBound...]))
                if request.body.count >= Int(request.header("Content-Length") ?? "0") ?? 0 { return request }
            }
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            bytes += buffer[..<count]
        }
    }
}
