extension AsyncThrowingStream where Failure == any Error, Element: Sendable {
    /// The non-nil results of `transform`, read from this stream in a task of its own. Ending
    /// the new stream's iteration (or cancelling its consumer) cancels that task and so this
    /// stream's producer: for a provider response, the HTTP transfer.
    public func relayed<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T?) -> AsyncThrowingStream<T, any Error> {
        AsyncThrowingStream<T, any Error> { continuation in
            let task = Task {
                do {
                    for try await element in self {
                        if let mapped = transform(element) { continuation.yield(mapped) }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
