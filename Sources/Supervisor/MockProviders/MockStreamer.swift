import Hummingbird

/// Writes a response body chunk by chunk as a provider would: after the time to first byte,
/// at the configured pace with jitter, and — when the request drew that fate — stalling or
/// dropping the connection after some chunks. A client that hangs up mid-body is counted as
/// `client_disconnected` in the route's stats, so tests can see a cancelled transfer end.
struct MockStreamer: Sendable {
    let route: MockRoute
    let faults: MockFaults
    let outcome: MockOutcome
    let state: MockState

    /// Raised inside a body writer, it makes the server drop the connection mid-response.
    struct Disconnect: Error {}

    func body(_ chunks: [[UInt8]]) -> ResponseBody {
        ResponseBody { writer in
            do {
                try await write(chunks, to: &writer)
            } catch let error where !(error is Disconnect) {
                state.count(route, "client_disconnected")
                throw error
            }
        }
    }

    private func write(_ chunks: [[UInt8]], to writer: inout some ResponseBodyWriter) async throws {
        try await Task.sleep(for: .milliseconds(faults.ttfbMs))
        let gap: Duration? = faults.tokensPerSecond.map { .milliseconds(Int(1000 / max($0, 0.001))) }
        for (index, chunk) in chunks.enumerated() {
            if outcome == .stall, index == faults.stallAfter {
                // Say nothing more, but keep the connection open until the client gives up.
                // An empty write puts no byte on the wire (NIO does not frame empty chunks)
                // but fails once the client has hung up, which is how the hang-up is seen.
                while true {
                    try await Task.sleep(for: .milliseconds(50))
                    try await writer.write(ByteBuffer())
                }
            }
            if outcome == .disconnect, index == faults.disconnectAfter { throw Disconnect() }
            if index > 0, let gap { try await Task.sleep(for: gap + state.jitter(faults.jitterMs)) }
            try await writer.write(ByteBuffer(bytes: chunk))
        }
        try await writer.finish(nil)
    }
}
