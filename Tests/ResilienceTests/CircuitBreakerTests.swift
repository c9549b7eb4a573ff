import ResilienceTesting
import Testing
@testable import Resilience

@Suite struct CircuitBreakerTests {
    let clock = ManualClock()

    @Test func opensAfterThresholdAndProbesOnceWhenHalfOpen() {
        let breaker = CircuitBreaker(name: "a", configuration: .init(failureThreshold: 3, openInterval: .seconds(10)), clock: clock)
        for _ in 0..<2 { #expect(breaker.allowsCall()); breaker.recordFailure() }
        #expect(breaker.state == .closed)
        breaker.recordSuccess()  // a success resets the count
        for _ in 0..<3 { #expect(breaker.allowsCall()); breaker.recordFailure() }
        #expect(breaker.state == .open)
        #expect(breaker.timesOpened == 1)
        #expect(!breaker.allowsCall())
        clock.advance(by: .seconds(9))
        #expect(!breaker.allowsCall())
        clock.advance(by: .seconds(1))
        #expect(breaker.state == .halfOpen)
        #expect(breaker.allowsCall())  // the probe
        #expect(!breaker.allowsCall())  // only one at a time
        breaker.recordFailure()
        #expect(breaker.state == .open)
        #expect(breaker.timesOpened == 2)
        clock.advance(by: .seconds(10))
        #expect(breaker.allowsCall())
        breaker.recordSuccess()
        #expect(breaker.state == .closed)
        #expect(breaker.allowsCall() && breaker.allowsCall())
    }

    @Test func runRecordsOutcomesAndRefusesWhenOpen() async throws {
        let breaker = CircuitBreaker(name: "b", configuration: .init(failureThreshold: 1, openInterval: .seconds(5)), clock: clock)
        await #expect(throws: TestError()) { try await breaker.run { throw TestError() } }
        await #expect(throws: CircuitOpenError(name: "b")) { try await breaker.run { 1 } }
        clock.advance(by: .seconds(5))
        #expect(try await breaker.run { 42 } == 42)
        #expect(breaker.state == .closed)
    }

    @Test func cancelledProbeLetsTheNextCallerProbe() async throws {
        let breaker = CircuitBreaker(name: "c", configuration: .init(failureThreshold: 1, openInterval: .seconds(1)), clock: clock)
        breaker.recordFailure()
        clock.advance(by: .seconds(1))
        await #expect(throws: CancellationError.self) { try await breaker.run { throw CancellationError() } }
        #expect(breaker.state == .halfOpen)
        #expect(breaker.allowsCall())
    }

    /// Only failures in a row count: a success in between, reported through a permit (as
    /// shared breakers do) or by `run`, starts the count again.
    @Test func aSuccessThroughAPermitResetsTheFailureCount() async throws {
        let breaker = CircuitBreaker(name: "d", configuration: .init(failureThreshold: 3, openInterval: .seconds(10)), clock: clock)
        func fail() { if let permit = breaker.acquire() { breaker.record(.failure, for: permit) } }
        fail()
        fail()
        #expect(breaker.consecutiveFailures == 2)
        breaker.record(.success, for: try #require(breaker.acquire()))
        #expect(breaker.consecutiveFailures == 0)
        fail()
        fail()
        #expect(breaker.state == .closed)
        #expect(try await breaker.run { 1 } == 1)
        fail()
        fail()
        #expect(breaker.state == .closed)
        fail()
        #expect(breaker.state == .open)
    }
}
