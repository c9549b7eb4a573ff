import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore

/// Refuses a new `/media` WebSocket upgrade with `503 Service Unavailable` and `Retry-After`
/// while the server drains, so that a load balancer (nginx's `proxy_next_upstream http_503`)
/// sends the call's socket to another server instead of losing it.
///
/// Why below HTTP: Hummingbird answers every upgrade its router declines with a fixed
/// `400 Bad Request`, which no balancer retries. So the gate sits in front of the HTTP codec of
/// each new connection and reads only its request line: a draining server answers a
/// `GET /media` itself; anything else (and every request of a server taking calls) passes on
/// untouched, and the gate leaves the connection's pipeline.
struct DrainGateChannel<Inner: ServerChildChannel>: ServerChildChannel {
    let inner: Inner
    /// Seconds for `Retry-After` while draining; nil while the server takes calls.
    let retryAfter: @Sendable () -> Int?
    /// Called once for each upgrade refused (counting, logging).
    let onRefused: @Sendable () -> Void

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Inner.Value> {
        let (retryAfter, onRefused) = (self.retryAfter, self.onRefused)
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(DrainGate(retryAfter: retryAfter, onRefused: onRefused))
        }.flatMap { inner.setup(channel: channel, logger: logger) }
    }

    func handle(value: Inner.Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

/// The first handler of a connection: holds its first bytes until the request line is complete,
/// then either refuses a draining `/media` upgrade or hands the bytes on and removes itself.
final class DrainGate: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// A request line longer than this is not a Media Streams upgrade: it passes on.
    static let maxRequestLine = 8 * 1024

    private let retryAfter: @Sendable () -> Int?
    private let onRefused: @Sendable () -> Void
    /// The bytes read before the request line's end (on the connection's event loop only).
    private var held: ByteBuffer?
    /// Set once the connection has been answered 503: what else it sends is dropped.
    private var refused = false

    init(retryAfter: @escaping @Sendable () -> Int?, onRefused: @escaping @Sendable () -> Void) {
        self.retryAfter = retryAfter
        self.onRefused = onRefused
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        var bytes = unwrapInboundIn(data)
        if var earlier = held {
            earlier.writeBuffer(&bytes)
            bytes = earlier
        }
        let view = bytes.readableBytesView
        guard let end = view.firstIndex(of: UInt8(ascii: "\n")) else {
            if bytes.readableBytes < Self.maxRequestLine {
                held = bytes
                return
            }
            pass(bytes, context: context)
            return
        }
        let line = String(decoding: view[view.startIndex..<end], as: UTF8.self)
        if Self.isMediaUpgrade(requestLine: line), let seconds = retryAfter() {
            held = nil
            refused = true
            onRefused()
            refuse(context: context, retryAfter: seconds)
            return
        }
        pass(bytes, context: context)
    }

    /// `GET /media` or `GET /media?…`, the Media Streams socket's request line.
    static func isMediaUpgrade(requestLine: String) -> Bool {
        let parts = requestLine.split(separator: " ")
        guard parts.count >= 2, parts[0] == "GET" else { return false }
        return parts[1] == "/media" || parts[1].hasPrefix("/media?")
    }

    private func pass(_ bytes: ByteBuffer, context: ChannelHandlerContext) {
        held = nil
        context.fireChannelRead(wrapInboundOut(bytes))
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    private func refuse(context: ChannelHandlerContext, retryAfter: Int) {
        let body = "switchboard is shutting down: no new calls here\n"
        let response = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: \(retryAfter)\r\n"
            + "Content-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
        // Hummingbird logs the connection's end as an upgrade that failed (one error line).
        let channel = context.channel
        context.writeAndFlush(NIOAny(channel.allocator.buffer(string: response))).whenComplete { _ in channel.close(promise: nil) }
    }
}
