import Synchronization

/// A door a test opens when it chooses: callers that `pass()` wait until then, and the test
/// can count how many have arrived (so it knows a call is in flight without timing it).
public final class Gate: Sendable {
    private struct State {
        var isOpen = false
        var arrived = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }
    private let state = Mutex(State())

    public init() {}

    /// Callers that have reached the gate (passed or waiting).
    public var arrived: Int { state.withLock { $0.arrived } }

    /// Waits until the gate is open.
    public func pass() async {
        await withCheckedContinuation { continuation in
            let through = state.withLock { state -> Bool in
                state.arrived += 1
                if state.isOpen { return true }
                state.waiting.append(continuation)
                return false
            }
            if through { continuation.resume() }
        }
    }

    /// Lets every caller through, now and from now on.
    public func open() {
        let released = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.isOpen = true
            defer { state.waiting.removeAll() }
            return state.waiting
        }
        released.forEach { $0.resume() }
    }
}
