import Foundation
import Resilience
import SwitchboardCore

/// The `llm-stream` stage: it owns the conversation. It decides when the caller has finished a
/// turn (a final transcript with `endpoint:true`, or typed `text`), streams the agent's answer
/// as `token` events between `response.start` and `response.end`, and decides when the caller
/// has interrupted (`interrupt`), cancelling the answer at once. It greets a conversation that
/// begins without a `start`, and says when one has ended (`"last":true` on `response.end`,
/// then `hangup` in a call, or `transfer` where the script's end state hands the caller to a
/// person); the next caller turn begins a new one.
///
/// Consumed: `text`, `transcript`, `context`. Watched and passed on: `start`, `stop`, `vad`,
/// `mark`, `spoken`, audio. Everything else is passed on unchanged.
public struct LLMStream: Stage {
    public let name = "llm-stream"
    public var configuration: Configuration
    /// What the barge-in timer, the hedge budget and the turn timings run on; tests move a
    /// `ManualClock`.
    public var clock: any ResilienceClock
    /// Called after each input has been handled: tests wait on it instead of sleeping.
    var inputHandled: (@Sendable (LoopInput) -> Void)?

    public struct Configuration: Sendable {
        /// Tried in order per turn (failover), each behind its own breaker and limiter.
        public var engines: [FailoverEngine<Prompt, ResponseChunk>]
        /// Start the next engine too when the first has produced nothing for this long.
        public var hedgeAfter: Duration?
        public var system: String?
        /// System prompts by tenant: one replaces `system` for calls whose `start` names that
        /// tenant (`start.tenant` or `start.params.tenant`; `start.params.system` wins over
        /// both). Read once per process (`--tenant-prompts`), never at a call's start.
        public var tenantPrompts: [String: String] = [:]
        /// What happens when a conversation begins: a call starts, or a caller turn comes with
        /// none under way.
        public var greeting: Greeting = .none
        public var greetingWordsPerSecond: Double = 40
        public var historyTurns = 8
        public var bargeInMs = 150
        public var bargeInWords = 3
        /// Start answering a stable interim transcript before its final arrives.
        public var speculate = false
        /// Input frames read ahead of the conversation (and engine chunks or timers waiting for
        /// it): a slow downstream holds the upstream back beyond this many.
        public var inboxCapacity = ConversationInbox.defaultCapacity

        public init(engines: [FailoverEngine<Prompt, ResponseChunk>]) { self.engines = engines }
    }

    public enum Greeting: Sendable, Equatable {
        /// Wait for the caller to speak.
        case none
        /// Say this text.
        case text(String)
        /// Ask the engines, with no user message (the script engine says its `greeting:`).
        case engines
    }

    public init(configuration: Configuration, clock: any ResilienceClock = SystemClock()) {
        self.configuration = configuration
        self.clock = clock
    }

    public func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
        let inbox = ConversationInbox(capacity: configuration.inboxCapacity)
        let reader = inbox.read(input)
        defer { reader.cancel() }
        let loop = ConversationLoop(stage: name, configuration: configuration, clock: clock, output: output, inbox: inbox)
        defer { loop.cancelAll() }
        while let next = await inbox.next() {
            try await loop.handle(next)
            inputHandled?(next)
            if loop.isFinished { break }
        }
        if let failure = loop.failureToReport {
            throw StageFailure(.unavailable, "\(failure)")
        }
    }
}
