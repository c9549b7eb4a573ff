import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOWebSocket
import WSClient

/// A WebSocket client connection with a plain async API: `send` from any task, read
/// `messages` in another, `close` when done. Built on swift-websocket's client (SwiftNIO),
/// whose API is a single closure; this keeps that closure running for as long as the
/// connection lives and bridges into and out of it.
///
/// `ws://` and `wss://`; extra headers on the upgrade request (`Authorization: Token …`);
/// pings are answered by the library. A close with any code but 1000 ends `messages` with a
/// `WebSocketClosed` error carrying the code and reason; so does a failed upgrade.
public final class WebSocketConnection: Sendable {
    public enum Message: Sendable, Equatable {
        case text(String)
        case binary([UInt8])
    }

    /// The connection ended other than by a normal close.
    public struct WebSocketClosed: Error, Equatable, CustomStringConvertible {
        public let code: Int?
        public let reason: String
        public init(code: Int?, reason: String) {
            self.code = code
            self.reason = reason
        }
        public var description: String { "WebSocket closed" + (code.map { " (\($0))" } ?? "") + ": \(reason)" }
    }

    public let messages: AsyncThrowingStream<Message, any Error>
    private let outbound: WebSocketOutboundWriter
    private let connection: Task<Void, Never>

    private init(messages: AsyncThrowingStream<Message, any Error>, outbound: WebSocketOutboundWriter, connection: Task<Void, Never>) {
        self.messages = messages
        self.outbound = outbound
        self.connection = connection
    }

    deinit { connection.cancel() }

    /// Connects and returns once the upgrade has succeeded.
    public static func connect(
        url: String, headers: [(name: String, value: String)] = [], timeout: Duration = .seconds(10),
        logger: Logger = Logger(label: "switchboard.websocket")
    ) async throws -> WebSocketConnection {
        var configuration = WebSocketClientConfiguration()
        for header in headers {
            guard let name = HTTPField.Name(header.name) else { throw WebSocketClosed(code: nil, reason: "bad header name \(header.name)") }
            configuration.additionalHeaders[name] = header.value
        }
        let (messages, inbox) = AsyncThrowingStream.makeStream(of: Message.self)
        let (ready, readySink) = AsyncThrowingStream.makeStream(of: WebSocketOutboundWriter.self)
        let connection = Task {
            do {
                let closeFrame = try await WebSocketClient.connect(url: url, configuration: configuration, logger: logger) { inbound, outbound, _ in
                    readySink.yield(outbound)
                    readySink.finish()
                    for try await message in inbound.messages(maxSize: 16 * 1024 * 1024) {
                        switch message {
                        case .text(let text): inbox.yield(.text(text))
                        case .binary(let buffer): inbox.yield(.binary(Array(buffer.readableBytesView)))
                        }
                    }
                }
                readySink.finish(throwing: WebSocketClosed(code: nil, reason: "connection closed before it was established"))
                if let closeFrame, closeFrame.closeCode != .normalClosure {
                    inbox.finish(throwing: WebSocketClosed(code: Int(UInt16(webSocketErrorCode: closeFrame.closeCode)), reason: closeFrame.reason ?? ""))
                } else {
                    inbox.finish()
                }
            } catch {
                readySink.finish(throwing: WebSocketClosed(code: nil, reason: "\(error)"))
                inbox.finish(throwing: error is CancellationError ? error : WebSocketClosed(code: nil, reason: "\(error)"))
            }
        }
        let outbound: WebSocketOutboundWriter
        do {
            outbound = try await withThrowingTaskGroup(of: WebSocketOutboundWriter.self) { group in
                group.addTask {
                    var iterator = ready.makeAsyncIterator()
                    guard let writer = try await iterator.next() else { throw WebSocketClosed(code: nil, reason: "no connection") }
                    return writer
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw WebSocketClosed(code: nil, reason: "no connection within \(timeout)")
                }
                defer { group.cancelAll() }
                return try await group.next()!
            }
        } catch {
            connection.cancel()
            throw error
        }
        return WebSocketConnection(messages: messages, outbound: outbound, connection: connection)
    }

    public func send(text: String) async throws { try await outbound.write(.text(text)) }
    public func send(binary: [UInt8]) async throws { try await outbound.write(.binary(ByteBuffer(bytes: binary))) }

    /// Starts the closing handshake; `messages` ends once the server has answered.
    public func close(code: Int = 1000, reason: String? = nil) async throws {
        try await outbound.close(WebSocketErrorCode(codeNumber: code), reason: reason)
    }

    /// Drops the connection without a handshake.
    public func cancel() { connection.cancel() }
}
