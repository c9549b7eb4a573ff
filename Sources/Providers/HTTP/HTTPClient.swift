/// An asynchronous HTTP client over libcurl's multi interface.
///
/// `execute` returns once the response head has arrived; the body then streams as an
/// `HTTPBody`. All transfers of one client share one event-loop thread. Cancelling the task
/// that awaits the head or reads the body aborts the transfer immediately — barge-in relies
/// on an LLM request stopping the moment the caller speaks.
public final class HTTPClient: Sendable {
    /// One client per process is the intent: connections are reused across its requests.
    public static let shared = HTTPClient()

    private let loop = CurlEventLoop()

    public init() {}

    /// Transfers in flight: added and not yet finished, failed or aborted (a cancelled call
    /// must leave none behind).
    public var activeTransfers: Int { loop.activeTransfers.load(ordering: .relaxed) }

    /// Transfers still running when the client goes away fail with `CancellationError`.
    deinit { loop.submit(.shutdown) }

    public func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        let transfer = try CurlTransfer(request)
        let loop = self.loop
        transfer.body.onRoom = { [weak transfer] in
            if let transfer { loop.submit(.resume(transfer)) }
        }
        transfer.body.onAbandon = { [weak transfer] error in
            if let transfer { loop.submit(.abort(transfer, error)) }
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.awaitHead(continuation)
                loop.submit(.add(transfer))
            }
        } onCancel: {
            loop.submit(.abort(transfer, CancellationError()))
        }
    }
}
