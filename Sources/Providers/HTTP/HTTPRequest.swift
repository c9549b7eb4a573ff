/// An HTTP request as the provider engines make it: bytes in, a streamed body out.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]?
    public var timeouts: HTTPTimeouts

    public init(
        method: String = "GET", url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil,
        timeouts: HTTPTimeouts = .init()
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeouts = timeouts
    }
}

/// How long a request may take, by phase. nil means no limit.
public struct HTTPTimeouts: Sendable {
    /// Until the TCP (and TLS) connection is up.
    public var connect: Duration?
    /// The whole exchange, body included.
    public var total: Duration?
    /// Longest silence while receiving: a provider that stops sending mid-stream is given up
    /// on after this, even though the connection is still open.
    public var stall: Duration?

    public init(connect: Duration? = .seconds(5), total: Duration? = nil, stall: Duration? = nil) {
        self.connect = connect
        self.total = total
        self.stall = stall
    }
}

extension Duration {
    /// Whole milliseconds, for libcurl's and epoll's integer timeouts.
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
