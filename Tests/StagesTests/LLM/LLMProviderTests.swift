import Foundation
import Providers
import Resilience
@testable import Stages
import Supervisor
import SwitchboardCore
import Testing

/// `llm-stream` against `switchboard mock-providers` on 127.0.0.1: the real Chat Completions
/// client, the real resilience kit, faults injected by the mock.
@Suite(.serialized) struct LLMProviderTests {
    let http = HTTPClient()

    func faults(_ set: (inout MockFaults) -> Void) -> MockFaults {
        var faults = MockFaults()
        set(&faults)
        return faults
    }

    @Test func streamsTokensAndUsage() async throws {
        try await withMockProviders({ $0.replies = ["We open at nine. See you soon."] }) { mock, base in
            let running = RunningStage(stage([chatEngine("openai", base, http: http)]) { $0.system = "You are a receptionist." })
            running.send(.text("When do you open?"))
            let events = try await running.finish()
            #expect(events.of("token").compactMap { $0["text"]?.string } == ["We", " open", " at", " nine.", " See", " you", " soon."])
            let end = try #require(events.of("response.end").first)
            #expect(end["reason"] == "done")
            #expect(end["engine"] == "openai")
            // The mock counts words: system (4) + user (4) in, 7 out.
            #expect(end["usage"] == ["prompt_tokens": 8, "completion_tokens": 7, "total_tokens": 15])
            let rate = try #require(events.of("trace").first { $0["name"] == "llm.tokens_per_s" })
            #expect(rate["tokens"] == 7)
            #expect(rate["engine"] == "openai")
            #expect(mock.count("chat", "ok") == 1)
        }
    }

    /// 429 shrinks the engine's AIMD limit and the turn is answered by the next engine.
    @Test func rateLimitFeedsTheLimiterAndFailsOver() async throws {
        try await withMockProviders({ $0.faults[.chat] = faults { $0.rateLimit = 1 } }) { limited, limitedBase in
            try await withMockProviders({ $0.replies = ["Backup here."] }) { _, backupBase in
                let limiter = AIMDLimiter(initialLimit: 8, maxLimit: 16)
                var configuration = LLMStream.Configuration(engines: [
                    chatEngine("groq", limitedBase, http: http).failoverEngine(limiter: limiter),
                    chatEngine("openai", backupBase, http: http).failoverEngine(),
                ])
                configuration.historyTurns = 8
                let running = RunningStage(LLMStream(configuration: configuration))
                running.send(.text("hello"))
                let events = try await running.finish()
                #expect(events.tokens(turn: 1) == "Backup here.")
                #expect(events.of("response.end").first?["engine"] == "openai")
                #expect(limiter.limit == 4, "one 429 halves the limit")
                #expect(limited.count("chat", "rate_limited") == 1)
            }
        }
    }

    /// 500s open the primary's breaker; while open it is not even asked, the backup answers.
    @Test func serverErrorsOpenTheBreaker() async throws {
        try await withMockProviders({ $0.faults[.chat] = faults { $0.serverError = 1 } }) { failing, failingBase in
            try await withMockProviders({ $0.replies = ["Backup answer."] }) { _, backupBase in
                let breaker = CircuitBreaker(name: "primary", configuration: .init(failureThreshold: 2, openInterval: .seconds(60)))
                let running = RunningStage(LLMStream(configuration: .init(engines: [
                    chatEngine("primary", failingBase, http: http).failoverEngine(breaker: breaker),
                    chatEngine("backup", backupBase, http: http).failoverEngine(),
                ])))
                for line in ["one", "two", "three"] { running.send(.text(line)) }
                let events = try await running.finish()
                #expect(events.of("response.end").map { $0["engine"] } == ["backup", "backup", "backup"])
                #expect(breaker.state == .open)
                #expect(failing.count("chat", "requests") == 2, "the open breaker kept the third request away")
            }
        }
    }

    /// The primary accepts and then says nothing: after the hedge budget the second engine
    /// starts, wins, and the primary's transfer is aborted (the mock sees the hang-up).
    @Test func stallIsHedgedAndTheLoserCancelled() async throws {
        try await withMockProviders({ $0.faults[.chat] = faults { $0.stallAfter = 0 } }) { stalled, stalledBase in
            try await withMockProviders({ $0.replies = ["Hedged answer."] }) { _, backupBase in
                var configuration = LLMStream.Configuration(engines: [
                    chatEngine("primary", stalledBase, http: http).failoverEngine(),
                    chatEngine("backup", backupBase, http: http).failoverEngine(),
                ])
                configuration.hedgeAfter = .milliseconds(200)
                let running = RunningStage(LLMStream(configuration: configuration))
                running.send(.text("anyone there?"))
                let events = try await running.finish()
                #expect(events.tokens(turn: 1) == "Hedged answer.")
                #expect(events.of("response.end").first?["engine"] == "backup")
                let ttft = try #require(events.of("trace").first { $0["name"] == "llm.ttft" }?["ms"]?.double)
                #expect(ttft >= 200)
                #expect(try await eventually { stalled.count("chat", "client_disconnected") == 1 })
            }
        }
    }

    /// Barge-in cancels the in-flight HTTP transfer at once.
    @Test func bargeInCancelsTheTransfer() async throws {
        let long = (1...200).map { "word\($0)" }.joined(separator: " ") + "."
        try await withMockProviders({ $0.replies = [long]; $0.faults[.chat] = faults { $0.tokensPerSecond = 50 } }) { mock, base in
            let running = RunningStage(stage([chatEngine("openai", base, http: http)]))
            running.send(.text("talk to me"))
            try await running.waitFor("token", count: 3)
            running.send(transcript("hang on a second", final: false, ts: 900))
            try await running.waitFor("interrupt")
            #expect(try await running.waitFor("response.end")["reason"] == "interrupted")
            #expect(try await eventually { mock.count("chat", "client_disconnected") == 1 })
            let events = try await running.finish()
            #expect(events.of("token").count < 100)
        }
    }
}

/// Polls `condition` for up to `timeout`.
func eventually(timeout: Duration = .seconds(60), _ condition: () -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        guard ContinuousClock.now < deadline else { return false }
        try await Task.sleep(for: .milliseconds(10))
    }
    return true
}
