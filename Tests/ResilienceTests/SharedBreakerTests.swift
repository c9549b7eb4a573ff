import ResilienceTesting
import Testing
@testable import Resilience

/// A breaker is shared by every call to one engine, so calls admitted in one state often end
/// in another. Only the outcome of a call admitted in the current state may move it: a
/// straggler from before the breaker opened must neither close it early nor free the single
/// half-open probe slot.
@Suite struct SharedBreakerTests {
    let clock = ManualClock()

    @Test func aStragglersSuccessDoesNotCloseAnOpenBreaker() async throws {
        let breaker = CircuitBreaker(name: "a", configuration: .init(failureThreshold: 2, openInterval: .seconds(10)), clock: clock)
        let slow = Gate()
        let straggler = Task { try await breaker.run { await slow.pass(); return 1 } }
        try await eventually { slow.arrived == 1 }  // admitted while closed
        for _ in 0..<2 { await #expect(throws: TestError()) { try await breaker.run { throw TestError() } } }
        #expect(breaker.state == .open)
        slow.open()
        #expect(try await value(of: straggler) == 1)
        #expect(breaker.state == .open)  // still refusing for the whole interval
        #expect(!breaker.allowsCall())
    }

    @Test func aCancelledStragglerDoesNotLetASecondProbeIn() async throws {
        let breaker = CircuitBreaker(name: "a", configuration: .init(failureThreshold: 1, openInterval: .seconds(10)), clock: clock)
        let stragglerGate = Gate()
        let straggler = Task { try await breaker.run { await stragglerGate.pass(); throw CancellationError() } }
        try await eventually { stragglerGate.arrived == 1 }
        await #expect(throws: TestError()) { try await breaker.run { throw TestError() } }
        clock.advance(by: .seconds(10))
        let probeGate = Gate()
        let probe = Task { try await breaker.run { await probeGate.pass(); return 2 } }
        try await eventually { probeGate.arrived == 1 }
        stragglerGate.open()
        await #expect(throws: CancellationError.self) { try await value(of: straggler) }
        #expect(!breaker.allowsCall())  // the probe is still running: nobody else gets in
        probeGate.open()
        #expect(try await value(of: probe) == 2)
        #expect(breaker.state == .closed)
    }

    @Test func aStragglersFailureDoesNotDecideTheProbe() async throws {
        let breaker = CircuitBreaker(name: "a", configuration: .init(failureThreshold: 1, openInterval: .seconds(10)), clock: clock)
        let stragglerGate = Gate()
        let straggler = Task { try await breaker.run { await stragglerGate.pass(); throw TestError() } }
        try await eventually { stragglerGate.arrived == 1 }
        await #expect(throws: TestError()) { try await breaker.run { throw TestError() } }
        #expect(breaker.timesOpened == 1)
        clock.advance(by: .seconds(10))
        let probeGate = Gate()
        let probe = Task { try await breaker.run { await probeGate.pass(); return 3 } }
        try await eventually { probeGate.arrived == 1 }
        stragglerGate.open()
        await #expect(throws: TestError()) { try await value(of: straggler) }
        #expect(breaker.state == .halfOpen)  // the probe decides, not the straggler
        #expect(breaker.timesOpened == 1)
        probeGate.open()
        #expect(try await value(of: probe) == 3)
        #expect(breaker.state == .closed)
    }

    /// Through failover: request 1 was admitted to A while closed and is still waiting; A's
    /// breaker opens and, after the interval, request 3 probes it. Request 1's caller hangs
    /// up: that must not let request 4 in as a second probe.
    @Test func failoverKeepsOneProbeWhenAnEarlierRequestIsCancelled() async throws {
        let a = ScriptedEngine("a", .stall)
        let b = ScriptedEngine("b", .answer(["b"]))
        let breaker = CircuitBreaker(name: "a", configuration: .init(failureThreshold: 1, openInterval: .seconds(10)), clock: clock)
        let failover = Failover(engines: [a.engine(breaker: breaker), b.engine()], clock: clock)
        let request1 = Task { try await collect(failover.stream("1")) }
        try await eventually { a.starts == 1 }
        a.become(.failBeforeOutput(TestError()))
        #expect(try await collect(failover.stream("2")) == ["b:b"])
        #expect(breaker.state == .open)
        clock.advance(by: .seconds(10))
        a.become(.stall)
        let request3 = Task { try await collect(failover.stream("3")) }  // the probe
        try await eventually { a.starts == 3 }
        request1.cancel()
        _ = try? await value(of: request1)
        try await eventually { a.cancelled == 1 }
        a.become(.answer(["a"]))
        #expect(try await collect(failover.stream("4")) == ["b:b"])
        #expect(a.starts == 3)
        request3.cancel()
        _ = try? await value(of: request3)
    }
}
