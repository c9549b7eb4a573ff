import Logging
import NIOCore
import NIOPosix
import SwitchboardCore

/// A node that is not built in: a command speaking frames on its stdin and stdout
/// (`python3 Examples/gain.py 0.5`). One child per call.
///
/// Its pipes are served by SwiftNIO's process-wide event loops, so a subprocess costs no
/// thread of its own. Frames are serialized here, at the process boundary, and nowhere else.
/// Each line the child writes on stderr is logged with the call id. A child that exits with
/// a status other than 0 fails the node (an `a || b` node then switches to `b`).
public struct SubprocessStage: Stage {
    public let argv: [String]
    public let logger: Logger
    public var name: String { argv.first ?? "subprocess" }

    public init(argv: [String], logger: Logger) {
        self.argv = argv
        self.logger = logger
    }

    public func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
        let child = try ChildProcess.spawn(argv)
        let pipes: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        let errors: NIOAsyncChannel<ByteBuffer, Never>
        do {
            pipes = try await NIOPipeBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .takingOwnershipOfDescriptors(input: child.stdout, output: child.stdin) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel(wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
                    }
                }
            errors = try await NIOPipeBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .takingOwnershipOfDescriptor(input: child.stderr) { channel in
                    channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel(wrappingChannelSynchronously: channel) }
                }
        } catch {
            child.terminate()
            _ = await child.ending()
            throw StageFailure(.software, "\(name): cannot attach to its pipes: \(error)")
        }

        let callID = CallContext.id
        let exchange: Result<Void, any Error>
        do {
            try await withTaskCancellationHandler {
                try await self.exchange(input, output, over: pipes, errors: errors, callID: callID)
            } onCancel: {
                child.terminate()
            }
            exchange = .success(())
        } catch {
            exchange = .failure(error)
            child.terminate()
        }
        // Always reaped, however the exchange ended: no zombie is left behind.
        let ending = await child.ending()
        try exchange.get()
        guard ending == .exited(0) else { throw StageFailure(.software, "\(argv.joined(separator: " ")) \(ending)") }
    }

    /// Frames to the child's stdin, frames from its stdout, lines from its stderr.
    private func exchange(
        _ input: some AsyncSequence<Frame, Never> & Sendable, _ output: some FrameSink,
        over pipes: NIOAsyncChannel<ByteBuffer, ByteBuffer>, errors: NIOAsyncChannel<ByteBuffer, Never>, callID: String?
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await logLines(of: errors, callID: callID) }
            try await pipes.executeThenClose { inbound, outbound in
                try await withThrowingTaskGroup(of: Void.self) { writing in
                    writing.addTask { await write(input, to: outbound) }
                    var decoder = FrameDecoder(stage: name)
                    for try await buffer in inbound {
                        decoder.append(buffer.readableBytesView)
                        while let frame = decoder.next() { try await output.send(frame) }
                    }
                    while let frame = decoder.finish() { try await output.send(frame) }
                    // The child closed its output: what it has not read is not for it.
                    writing.cancelAll()
                }
            }
            try await group.waitForAll()
        }
    }

    private func write(_ input: some AsyncSequence<Frame, Never>, to outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) async {
        let encoder = FrameEncoder(encoding: .binary)
        // A child that stops reading ends the writing; what it sends decides the outcome.
        do {
            for await frame in input { try await outbound.write(ByteBuffer(bytes: encoder.encode(frame))) }
        } catch {}
        outbound.finish()
    }

    private func logLines(of errors: NIOAsyncChannel<ByteBuffer, Never>, callID: String?) async {
        var metadata: Logger.Metadata = ["node": "\(name)"]
        if let callID { metadata["call"] = "\(callID)" }
        var pending = ""
        try? await errors.executeThenClose { inbound, _ in
            for try await buffer in inbound {
                pending += String(decoding: buffer.readableBytesView, as: UTF8.self)
                while let newline = pending.firstIndex(of: "\n") {
                    logger.warning("\(pending[..<newline])", metadata: metadata)
                    pending = String(pending[pending.index(after: newline)...])
                }
            }
        }
        if !pending.isEmpty { logger.warning("\(pending)", metadata: metadata) }
    }
}
