import Synchronization

/// Values built once per process and shared by every call: the first request for a key builds
/// the value, later requests get that same value. A build that throws stores nothing, so a
/// file fixed after a failure is read again by the next call.
final class ProcessWideCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = Mutex<[Key: Value]>([:])

    /// Builds under the lock, so that two calls asking at once build one value between them.
    /// That holds up other keys meanwhile; builds are rare (once per key and process) and short.
    func value<Failure: Error>(for key: Key, build: () throws(Failure) -> Value) throws(Failure) -> Value {
        try values.withLock { (values) throws(Failure) -> Value in
            if let value = values[key] { return value }
            let value = try build()
            values[key] = value
            return value
        }
    }
}
