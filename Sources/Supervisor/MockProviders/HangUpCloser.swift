import NIOCore

/// Closes a connection as soon as the client's side of it ends. Hummingbird allows half-closed
/// connections, so a client that hangs up on a silent (stalled) response would otherwise go
/// unnoticed until the mock wrote a byte; closed, the stalled writer's next write fails and the
/// hang-up is counted. HTTP/1.1 clients do not half-close, so nothing real is lost.
final class HangUpCloser: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = NIOAny

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event { context.close(promise: nil) }
        context.fireUserInboundEventTriggered(event)
    }
}
