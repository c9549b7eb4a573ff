import Foundation

/// Stops calling an engine that keeps failing, and tries it again later with one probe.
///
/// Closed: calls go through; `failureThreshold` failures in a row open it. Open: calls are
/// refused for `openInterval`. Half-open: exactly one probe is let through (others are still
/// refused); its success closes the breaker, its failure opens it for another interval.
///
/// One breaker is shared by every call to an engine, so a call admitted in one state often
/// ends in another (a slow request sent while closed finishes after the breaker opened). A
/// `Permit` remembers the state it was granted in, and only an outcome from the current
/// state moves the breaker: a straggler can neither close an open breaker early, nor reopen
/// it while the probe runs, nor free the probe's slot for a second probe.
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

    /// Leave to make one call; report how it ended with `record(_:for:)`, exactly once.
    public struct Permit: Sendable, Hashable {
        /// Which state (closed or half-open) the permit was granted in.
        fileprivate let epoch: Int
        /// This call is the half-open probe: its outcome closes or reopens the breaker.
        public let isProbe: Bool
    }

    public enum Outcome: Sendable {
        case success, failure
        /// No verdict on the engine (the call was cancelled, say because another engine
        /// answered first); a probe's slot is given to the next caller.
        case neutral
    }

    public let name: String
    public let configuration: Configuration
    private let clock: any ResilienceClock
    private let lock = NSLock()
    // Guarded by `lock`:
    private var _state = State.closed
    /// Bumped on every change of state; a permit from an older epoch is a straggler.
    private var epoch = 0
    private var failuresInARow = 0
    private var openedAt = Duration.zero
    private var probeInFlight = false
    private var _timesOpened = 0
    private var _refusals = 0

    public init(name: String, configuration: Configuration = .init(), clock: any ResilienceClock = SystemClock()) {
        self.name = name
        self.configuration = configuration
        self.clock = clock
    }

    // For metrics.
    public var state: State { lock.withLock { currentState() } }
    public var timesOpened: Int { lock.withLock { _timesOpened } }
    public var consecutiveFailures: Int { lock.withLock { failuresInARow } }
    /// Calls refused because the breaker was open or its probe was already running.
    public var refusals: Int { lock.withLock { _refusals } }

    /// A permit for one call, or nil if the breaker refuses it now. In half-open the one
    /// caller that gets a permit is the probe.
    public func acquire() -> Permit? {
        lock.withLock {
            switch currentState() {
            case .closed:
                return Permit(epoch: epoch, isProbe: false)
            case .halfOpen where !probeInFlight:
                probeInFlight = true
                return Permit(epoch: epoch, isProbe: true)
            case .open, .halfOpen:
                _refusals += 1
                return nil
            }
        }
    }

    /// How the call made under `permit` ended. Outcomes from an earlier state are ignored.
    public func record(_ outcome: Outcome, for permit: Permit) {
        lock.withLock {
            let state = currentState()
            guard permit.epoch == epoch else { return }
            switch (state, outcome) {
            case (.closed, .success):
                failuresInARow = 0
            case (.closed, .failure):
                failuresInARow += 1
                if failuresInARow >= configuration.failureThreshold { open() }
            case (.halfOpen, .success) where permit.isProbe:
                close()
            case (.halfOpen, .failure) where permit.isProbe:
                open()
            case (.halfOpen, .neutral) where permit.isProbe:
                probeInFlight = false
            default:
                break
            }
        }
    }

    /// Runs `body` if the breaker allows it, recording its outcome; throws
    /// `CircuitOpenError` if refused. A cancelled call counts as neither outcome.
    public func run<T>(_ body: () async throws -> T) async throws -> T {
        guard let permit = acquire() else { throw CircuitOpenError(name: name) }
        do {
            let value = try await body()
            record(.success, for: permit)
            return value
        } catch {
            record(error is CancellationError || Task.isCancelled ? .neutral : .failure, for: permit)
            throw error
        }
    }

    // Permit-less calls, for a caller that makes one call at a time and so knows its outcome
    // belongs to the current state. Callers sharing the breaker use `acquire` and `record`.

    /// Whether a call may go ahead now. A `true` in half-open makes the caller the probe: it
    /// must report its outcome with `recordSuccess`, `recordFailure` or `releaseProbe`.
    public func allowsCall() -> Bool { acquire() != nil }

    public func recordSuccess() {
        lock.withLock { close() }
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

    /// Gives back a probe that ended without an outcome, so the next caller may probe.
    public func releaseProbe() {
        lock.withLock { probeInFlight = false }
    }

    /// Call with `lock` held. Open turns half-open by itself once the interval has passed.
    private func currentState() -> State {
        if _state == .open, clock.now() - openedAt >= configuration.openInterval {
            _state = .halfOpen
            epoch += 1
            probeInFlight = false
        }
        return _state
    }

    /// Call with `lock` held.
    private func open() {
        _state = .open
        epoch += 1
        openedAt = clock.now()
        probeInFlight = false
        failuresInARow = 0
        _timesOpened += 1
    }

    /// Call with `lock` held.
    private func close() {
        if _state != .closed { epoch += 1 }
        _state = .closed
        failuresInARow = 0
        probeInFlight = false
    }
}

public struct CircuitOpenError: Error, Equatable, CustomStringConvertible {
    public let name: String
    public var description: String { "\(name): circuit open" }
}
