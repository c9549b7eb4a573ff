import Channels
import Foundation

/// An engine as failover sees it: a name, its breaker and limiter, and how to start a stream.
public struct FailoverEngine<Request: Sendable, Element: Sendable>: Sendable {
    public let name: String
    public let breaker: CircuitBreaker?
    public let limiter: AIMDLimiter?
    public let start: @Sendable (Request) async throws -> AsyncThrowingStream<Element, any Error>

    public init(
        name: String, breaker: CircuitBreaker? = nil, limiter: AIMDLimiter? = nil,
        start: @escaping @Sendable (Request) async throws -> AsyncThrowingStream<Element, any Error>
    ) {
        self.name = name
        self.breaker = breaker
        self.limiter = limiter
        self.start = start
    }
}

/// An element, and the engine that produced it (for traces: `engine` on every event).
public struct Served<Element: Sendable>: Sendable {
    public let engine: String
    public let element: Element
}

/// Every engine was refused or failed before producing anything (a tool exits 69).
public struct FailoverError: Error, CustomStringConvertible {
    public let attempts: [(engine: String, error: any Error)]
    public var description: String {
        "every engine failed: " + attempts.map { "\($0.engine): \($0.error)" }.joined(separator: "; ")
    }
}

/// An ordered list of engines, tried per request.
///
/// * Engines whose breaker is open are skipped.
/// * An engine that fails before its first element is recorded as a failure and the next
///   one is tried; an error after the first element goes to the caller, since a stream half
///   heard cannot be spliced onto another engine's.
/// * With `hedgeAfter`, if the engine in front has produced nothing within that budget (time
///   to first token), the next one starts in parallel; the first to produce an element wins
///   and streams, and the other is cancelled — its stream is dropped, which aborts its work.
public struct Failover<Request: Sendable, Element: Sendable>: Sendable {
    public var engines: [FailoverEngine<Request, Element>]
    public var hedgeAfter: Duration?
    public var clock: any ResilienceClock

    public init(engines: [FailoverEngine<Request, Element>], hedgeAfter: Duration? = nil, clock: any ResilienceClock = SystemClock()) {
        self.engines = engines
        self.hedgeAfter = hedgeAfter
        self.clock = clock
    }

    /// The answer to `request` from the first engine that gives one. Ending the iteration
    /// early (or cancelling its task) cancels every attempt in flight.
    /// The answer is bounded in flight (`FailoverOutput`): an engine streams no faster than
    /// the caller reads.
    public func stream(_ request: Request) -> AsyncThrowingStream<Served<Element>, any Error> {
        let output = FailoverOutput<Element>()
        return output.stream(cancelling: Task { await coordinate(request, output: output) })
    }

    private enum Progress: Sendable {
        case won
        case failedBeforeOutput(engine: Int, error: any Error)
        case hedgeDue
        case finished
    }

    private func coordinate(_ request: Request, output: FailoverOutput<Element>) async {
        let race = Race()
        let (progress, report) = AsyncStream.makeStream(of: Progress.self)
        var next = 0
        var running = 0
        var failures: [(engine: String, error: any Error)] = []
        var hedgeTimer: Task<Void, Never>?

        /// Starts the next engine whose breaker lets it; false when none is left.
        func launchNext() -> Bool {
            while next < engines.count {
                let index = next
                next += 1
                let engine = engines[index]
                var pass: CircuitBreaker.Permit?
                if let breaker = engine.breaker {
                    guard let granted = breaker.acquire() else {
                        failures.append((engine.name, CircuitOpenError(name: engine.name)))
                        continue
                    }
                    pass = granted
                }
                running += 1
                race.add(index, Task { [pass] in
                    await attempt(engine, index: index, pass: pass, request: request, race: race, output: output, report: report)
                })
                if let hedgeAfter, next < engines.count {
                    hedgeTimer?.cancel()
                    hedgeTimer = Task { [clock] in
                        guard (try? await clock.sleep(for: hedgeAfter)) != nil else { return }
                        report.yield(.hedgeDue)
                    }
                }
                return true
            }
            return false
        }

        await withTaskCancellationHandler {
            guard launchNext() else {
                output.finish(throwing: FailoverError(attempts: failures))
                return
            }
            loop: for await event in progress {
                switch event {
                case .won:
                    hedgeTimer?.cancel()
                case .hedgeDue:
                    if !race.hasWinner { _ = launchNext() }
                case .failedBeforeOutput(let index, let error):
                    running -= 1
                    failures.append((engines[index].name, error))
                    // With another attempt still running (a hedge), wait for it.
                    if !race.hasWinner, running == 0, !launchNext() {
                        output.finish(throwing: FailoverError(attempts: failures))
                        break loop
                    }
                case .finished:
                    break loop
                }
            }
        } onCancel: {
            race.cancelAll()
        }
        hedgeTimer?.cancel()
        race.cancelAll()
    }

    /// One engine's try: it streams to `output` itself once it has won the race. `pass` is
    /// its breaker's permit, which gets exactly one outcome.
    private func attempt(
        _ engine: FailoverEngine<Request, Element>, index: Int, pass: CircuitBreaker.Permit?, request: Request, race: Race,
        output: FailoverOutput<Element>, report: AsyncStream<Progress>.Continuation
    ) async {
        var permit: AIMDLimiter.Permit?
        var won = false
        func release(_ outcome: AIMDLimiter.Outcome) {
            if let permit { engine.limiter?.release(permit, outcome: outcome) }
            permit = nil
        }
        func verdict(_ outcome: CircuitBreaker.Outcome) {
            if let pass { engine.breaker?.record(outcome, for: pass) }
        }
        do {
            permit = try await engine.limiter?.acquire()
            for try await element in try await engine.start(request) {
                if !won {
                    guard race.claim(index) else { break }
                    won = true
                    report.yield(.won)
                }
                try await output.send(Served(engine: engine.name, element: element))
            }
            // Cancelled (lost the race, or the caller left): no verdict on this engine.
            if Task.isCancelled || (!won && !race.claim(index)) {
                release(.neutral)
                verdict(.neutral)
                if !race.hasWinner { report.yield(.failedBeforeOutput(engine: index, error: CancellationError())) }
                return
            }
            release(.success)
            verdict(.success)
            output.finish()
            report.yield(.finished)
        } catch {
            let overload = (error as? any ResilienceError)?.isOverload == true
            release(overload ? .overload : .neutral)
            // Called off (the caller stopped reading, or the attempt lost): no verdict.
            let calledOff = Task.isCancelled || error is CancellationError || error is ChannelClosed
            if won {
                verdict(calledOff ? .neutral : .failure)
                output.finish(throwing: error)
                report.yield(.finished)
            } else if calledOff {
                verdict(.neutral)
                if !race.hasWinner { report.yield(.failedBeforeOutput(engine: index, error: error)) }
            } else if error is LimiterQueueTimeout {
                // The engine was never asked, so this says nothing of its health: on to the next.
                verdict(.neutral)
                report.yield(.failedBeforeOutput(engine: index, error: error))
            } else {
                verdict(.failure)
                report.yield(.failedBeforeOutput(engine: index, error: error))
            }
        }
    }
}

/// Which attempt produced first, and the tasks of all of them, so the winner can cancel the rest.
private final class Race: @unchecked Sendable {
    private let lock = NSLock()
    private var winner: Int?
    private var tasks: [Int: Task<Void, Never>] = [:]
    private var cancelled = false

    var hasWinner: Bool { lock.withLock { winner != nil } }

    func add(_ index: Int, _ task: Task<Void, Never>) {
        let cancelNow = lock.withLock {
            tasks[index] = task
            return cancelled || (winner != nil && winner != index)
        }
        if cancelNow { task.cancel() }
    }

    /// True for the first attempt to ask (and again for it); the others are cancelled.
    func claim(_ index: Int) -> Bool {
        let losers: [Task<Void, Never>]? = lock.withLock {
            guard winner == nil || winner == index, !cancelled else { return nil }
            winner = index
            return tasks.filter { $0.key != index }.map(\.value)
        }
        losers?.forEach { $0.cancel() }
        return losers != nil
    }

    func cancelAll() {
        let all = lock.withLock {
            cancelled = true
            return Array(tasks.values)
        }
        all.forEach { $0.cancel() }
    }
}
