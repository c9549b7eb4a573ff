import Foundation

/// Stops calling an engine that keeps failing, and tries it again later with one probe.
///
/// Closed: calls go through; `failureThreshold` failures in a row open it. Open: calls are
/// refused for `openInterval`. Half-open: exactly one probe is let through (others are still
/// refused); its success closes the breaker, its failure opens it for another interval.
public final class CircuitBreaker: @unchecked Sendable {
    public enum State: String, Sendable { case closed, open, halfOpen = "half-open" }

    public struct Configuration: Sendable {
        public var failureThreshold: Int
        public var openInterval: Duration
        public init(failureThreshold: Int = 5, openInterval: Duration = .seconds(30)) {
            self.failureThreshold = max(1, failureThreshold)
            self.openInterval = openInterval
        }
    }

    public let name: String
    public let configuration: Configuration
    private let clock: any ResilienceClock
    private let lock = NSLock()
    // Guarded by `lock`:
    private var _state = State.closed
    private var failuresInARow = 0
    private var openedAt = Duration.zero
    private var probeInFlight = false
    private var _timesOpened = 0

    public init(name: String, configuration: Configuration = .init(), clock: any ResilienceClock = SystemClock()) {
        self.name = name
        self.configuration = configuration
        self.clock = clock
    }

    /// For metrics.
    public var state: State { lock.withLock { currentState() } }
    public var timesOpened: Int { lock.withLock { _timesOpened } }

    /// Whether a call may go ahead now. A `true` in half-open makes the caller the probe: it
    /// must report its outcome with `recordSuccess` or `recordFailure`.
    public func allowsCall() -> Bool {
        lock.withLock {
            switch currentState() {
            case .closed:
                return true
            case .open:
                return false
            case .halfOpen:
                guard !probeInFlight else { return false }
                probeInFlight = true
                _state = .halfOpen
                return true
            }
        }
    }

    public func recordSuccess() {
        lock.withLock {
            _state = .closed
            failuresInARow = 0
            probeInFlight = false
        }
    }

    public func recordFailure() {
        lock.withLock {
            switch currentState() {
            case .halfOpen:
                open()
            case .closed:
                failuresInARow += 1
                if failuresInARow >= configuration.failureThreshold { open() }
            case .open:
                break
            }
        }
    }

    /// Runs `body` if the breaker allows it, recording its outcome; throws
    /// `CircuitOpenError` if refused. A cancelled call counts as neither outcome.
    public func run<T>(_ body: () async throws -> T) async throws -> T {
        guard allowsCall() else { throw CircuitOpenError(name: name) }
        do {
            let value = try await body()
            recordSuccess()
            return value
        } catch is CancellationError {
            lock.withLock { probeInFlight = false }
            throw CancellationError()
        } catch {
            recordFailure()
            throw error
        }
    }

    /// Gives back a probe that ended without an outcome (say, cancelled because another
    /// engine answered first), so the next caller may probe.
    public func releaseProbe() {
        lock.withLock { probeInFlight = false }
    }

    /// Call with `lock` held. Open turns half-open by itself once the interval has passed.
    private func currentState() -> State {
        if _state == .open, clock.now() - openedAt >= configuration.openInterval {
            _state = .halfOpen
        }
        return _state
    }

    /// Call with `lock` held.
    private func open() {
        _state = .open
        openedAt = clock.now()
        probeInFlight = false
        failuresInARow = 0
        _timesOpened += 1
    }
}

public struct CircuitOpenError: Error, Equatable, CustomStringConvertible {
    public let name: String
    public var description: String { "\(name): circuit open" }
}
