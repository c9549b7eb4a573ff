import Foundation

/// A deliberately simple HTTP/1.1 server on 127.0.0.1 with one thread per connection, so a
/// test can script exactly what the server does and when: drip, stall, hang up.
final class TestHTTPServer: @unchecked Sendable {
    struct Request {
        var method: String
        var path: String
        var headers: [String: String]  // names lower-cased
        var body: [UInt8]
    }

    /// The server side of one exchange.
    final class Connection: @unchecked Sendable {
        let fd: Int32
        private(set) var broken = false
        init(fd: Int32) { self.fd = fd }

        @discardableResult
        func send(_ bytes: [UInt8]) -> Bool {
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
                if n <= 0 {
                    broken = true
                    return false
                }
                offset += n
            }
            return true
        }

        func send(_ text: String) { send(Array(text.utf8)) }

        func head(status: Int = 200, headers: [String: String] = [:], chunked: Bool = true) {
            var text = "HTTP/1.1 \(status) X\r\n"
            for (name, value) in headers { text += "\(name): \(value)\r\n" }
            if chunked { text += "Transfer-Encoding: chunked\r\n" }
            send(text + "\r\n")
        }

        @discardableResult
        func chunk(_ bytes: [UInt8]) -> Bool {
            send(Array(String(bytes.count, radix: 16).utf8) + [13, 10] + bytes + [13, 10])
        }

        @discardableResult
        func chunk(_ text: String) -> Bool { chunk(Array(text.utf8)) }
        func end() { send("0\r\n\r\n") }

        /// Whether the client has closed its end (a read returns end of file or an error).
        var peerClosed: Bool {
            var fds = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&fds, 1, 0) > 0 else { return false }
            var byte: UInt8 = 0
            return recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) <= 0
        }
    }

    let port: Int
    private let listener: Int32
    private let handler: @Sendable (Request, Connection) -> Void
    private let lock = NSLock()
    private var _closedByPeer = 0
    private var _connections = 0

    /// Connections the client closed while the handler was still writing.
    var closedByPeer: Int { lock.withLock { _closedByPeer } }
    var connections: Int { lock.withLock { _connections } }

    init(handler: @escaping @Sendable (Request, Connection) -> Void) throws {
        self.handler = handler
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 4096) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    func shutdown() {
        Glibc.shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    var url: String { "http://127.0.0.1:\(port)" }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { return }
            lock.withLock { _connections += 1 }
            let thread = Thread { [self] in serve(fd) }
            thread.stackSize = 256 * 1024
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        guard let request = readRequest(fd) else { return }
        let connection = Connection(fd: fd)
        handler(request, connection)
        if connection.broken || connection.peerClosed { lock.withLock { _closedByPeer += 1 } }
    }

    private func readRequest(_ fd: Int32) -> Request? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        var headEnd: Int?
        while headEnd == nil {
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { return nil }
            buffer += chunk[0..<n]
            headEnd = buffer.indices.dropLast(3).first { buffer[$0] == 13 && buffer[$0 + 1] == 10 && buffer[$0 + 2] == 13 && buffer[$0 + 3] == 10 }
        }
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = head[0].split(separator: " ")
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(buffer[(headEnd! + 4)...])
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while body.count < length {
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { return nil }
            body += chunk[0..<n]
        }
        return Request(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body)
    }
}

/// Lets one process hold thousands of sockets (both ends of each test connection).
func raiseOpenFileLimit() {
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    limit.rlim_cur = min(limit.rlim_max, 65536)
    setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
}
