import Synchronization

/// A door a test opens when it chooses: callers that `pass()` wait until then, and the test
/// can count how many have arrived (so it knows a call is in flight without timing it).
final class Gate: Sendable {
    private struct State {
        var isOpen = false
        var arrived = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }
    private let state = Mutex(State())

    var arrived: Int { state.withLock { $0.arrived } }

    func pass() async {
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

    func open() {
        let released = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.isOpen = true
            defer { state.waiting.removeAll() }
            return state.waiting
        }
        released.forEach { $0.resume() }
    }
}
