import CCurl
import Foundation

/// One request on its curl easy handle, from configuration to completion.
///
/// Created on the caller's thread; once added to the event loop, everything but the lock-
/// guarded response hand-off happens on the loop's thread (curl calls back there).
final class CurlTransfer: @unchecked Sendable {
    let easy: UnsafeMutableRawPointer
    let body = BodyBuffer()
    let stallLimit: Duration?
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))

    // Loop-thread state.
    private var status = 0
    private var headers: [(name: String, value: String)] = []
    private(set) var lastActivity = ContinuousClock.now
    private(set) var paused = false

    // The caller waiting for the response head; guarded by `lock`.
    private let lock = NSLock()
    private var head: CheckedContinuation<HTTPResponse, any Error>?
    private var headDelivered = false

    init(_ request: HTTPRequest) throws {
        CurlGlobal.initialize()
        guard let easy = curl_easy_init() else { throw HTTPClientError.invalidRequest("curl_easy_init failed") }
        self.easy = easy
        self.stallLimit = request.timeouts.stall
        errorBuffer[0] = 0
        do {
            try configure(request)
        } catch {
            release()
            throw error
        }
    }

    deinit { errorBuffer.deallocate() }

    private func configure(_ request: HTTPRequest) throws {
        func check(_ code: CURLcode, _ what: String) throws {
            guard code == CURLE_OK else { throw HTTPClientError.invalidRequest("\(what): \(String(cString: curl_easy_strerror(code)))") }
        }
        guard !request.url.isEmpty else { throw HTTPClientError.invalidRequest("empty URL") }
        try check(sb_easy_setopt_string(easy, CURLOPT_URL, request.url), "URL \(request.url)")
        try check(sb_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method), "method")
        try check(sb_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1), "nosignal")
        try check(sb_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer), "error buffer")
        if let body = request.body {
            try check(sb_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)), "body size")
            try body.withUnsafeBufferPointer { bytes in
                // COPYPOSTFIELDS copies, so the request's array need not outlive this call.
                let pointer = UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)
                try check(sb_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, pointer), "body")
            }
        } else if request.method == "HEAD" {
            try check(sb_easy_setopt_long(easy, CURLOPT_NOBODY, 1), "HEAD")
        }
        // No "Expect: 100-continue" round trip before uploads: it costs a round trip per call.
        for header in request.headers + [("Expect", "")] {
            guard !header.name.contains(where: { $0 == "\r" || $0 == "\n" || $0 == ":" }),
                !header.value.contains(where: { $0 == "\r" || $0 == "\n" })
            else { throw HTTPClientError.invalidRequest("bad header \(header.name)") }
            headerList = curl_slist_append(headerList, "\(header.name): \(header.value)")
        }
        try check(sb_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList), "headers")
        if let connect = request.timeouts.connect {
            try check(sb_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, max(1, connect.wholeMilliseconds)), "connect timeout")
        }
        if let total = request.timeouts.total {
            try check(sb_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, max(1, total.wholeMilliseconds)), "total timeout")
        }
        let me = Unmanaged.passUnretained(self).toOpaque()
        try check(sb_easy_setopt_write_function(easy, CURLOPT_WRITEFUNCTION, curlWrite), "write callback")
        try check(sb_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, me), "write data")
        try check(sb_easy_setopt_write_function(easy, CURLOPT_HEADERFUNCTION, curlHeader), "header callback")
        try check(sb_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, me), "header data")
    }

    /// Frees the handle; curl calls back no more.
    func release() {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        headerList = nil
    }

    // MARK: Response head

    func awaitHead(_ continuation: CheckedContinuation<HTTPResponse, any Error>) {
        lock.withLock { head = continuation }
    }

    private func deliverHead(_ result: Result<HTTPResponse, any Error>) {
        let waiting: CheckedContinuation<HTTPResponse, any Error>? = lock.withLock {
            guard !headDelivered else { return nil }
            headDelivered = true
            defer { head = nil }
            return head
        }
        waiting?.resume(with: result)
    }

    // MARK: Curl callbacks (loop thread)

    fileprivate func received(header line: String) {
        lastActivity = .now
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("HTTP/") {
            // A new header block: an interim 1xx, or the final response.
            status = trimmed.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            headers = []
        } else if trimmed.isEmpty {
            if status >= 200 {
                deliverHead(.success(HTTPResponse(status: status, headers: headers, body: HTTPBody(reader: BodyReader(buffer: body)))))
            }
        } else if let colon = trimmed.firstIndex(of: ":") {
            let name = String(trimmed[..<colon]).trimmingCharacters(in: .whitespaces)
            let value = String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            headers.append((name, value))
        }
    }

    fileprivate func received(body pointer: UnsafeMutablePointer<CChar>, count: Int) -> Int {
        lastActivity = .now
        let chunk = [UInt8](UnsafeRawBufferPointer(start: pointer, count: count))
        switch body.offer(chunk) {
        case .taken:
            return count
        case .refused:
            paused = true
            return Int(CURL_WRITEFUNC_PAUSE)
        }
    }

    func resumed() {
        paused = false
        lastActivity = .now
    }

    // MARK: Completion (loop thread)

    func complete(_ code: CURLcode) {
        if code == CURLE_OK {
            // A response without a final blank header line (HTTP/0.9, a bare close) still ends.
            deliverHead(.failure(HTTPClientError.transport(code: 0, message: "no response headers")))
            body.finish(.success(()))
        } else {
            fail(Self.error(for: code, detail: String(cString: errorBuffer)))
        }
    }

    func fail(_ error: any Error) {
        deliverHead(.failure(error))
        body.finish(.failure(error))
    }

    static func error(for code: CURLcode, detail: String) -> HTTPClientError {
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: return .connectionFailed(message)
        case CURLE_OPERATION_TIMEDOUT: return .timedOut(message)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: return .invalidRequest(message)
        default: return .transport(code: Int(code.rawValue), message: message)
        }
    }
}

private let curlWrite: curl_write_callback = { pointer, size, count, userdata in
    guard let pointer, let userdata else { return 0 }
    return Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue().received(body: pointer, count: size * count)
}

private let curlHeader: curl_write_callback = { pointer, size, count, userdata in
    guard let pointer, let userdata else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: pointer, count: size * count)
    let line = String(decoding: bytes, as: UTF8.self)
    Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue().received(header: line)
    return size * count
}

/// `curl_global_init` must run once, before any other curl call, and is not thread-safe.
enum CurlGlobal {
    private static let initialized: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        return true
    }()

    static func initialize() { _ = initialized }
}
