import Channels
import Resilience

/// Starts answers: each one a numbered generation, a task that runs the engines (failover,
/// hedging) and posts what they stream into the loop's inbox. The loop keeps the number of
/// the generation it listens to and ignores the output of any other (cancelled, superseded).
///
/// Posting waits while the inbox's urgent lane is full, and the failover stream is bounded
/// too, so the engine streams no faster than the loop sends its tokens on.
struct GenerationLauncher {
    let engines: [FailoverEngine<Prompt, ResponseChunk>]
    let hedgeAfter: Duration?
    /// The stage's clock, which the hedge budget runs on.
    let clock: any ResilienceClock
    let inbox: ConversationInbox
    private var next = 1

    init(engines: [FailoverEngine<Prompt, ResponseChunk>], hedgeAfter: Duration?, clock: any ResilienceClock, inbox: ConversationInbox) {
        self.engines = engines
        self.hedgeAfter = hedgeAfter
        self.clock = clock
        self.inbox = inbox
    }

    /// Runs `engines` (by default the configured ones) on `prompt`.
    mutating func launch(_ prompt: Prompt, engines: [FailoverEngine<Prompt, ResponseChunk>]? = nil) -> (generation: Int, task: Task<Void, Never>) {
        let generation = next
        next += 1
        let failover = Failover(engines: engines ?? self.engines, hedgeAfter: hedgeAfter, clock: clock)
        let inbox = inbox
        let task = Task {
            do {
                for try await served in failover.stream(prompt) { try await inbox.post(.chunk(generation: generation, served)) }
                try await inbox.post(.generationEnded(generation: generation, error: nil))
            } catch is ChannelClosed {
                // The loop is gone.
            } catch {
                // A cancelled generation has been dropped by the loop already: nothing to tell it.
                guard !Task.isCancelled else { return }
                try? await inbox.post(.generationEnded(generation: generation, error: error))
            }
        }
        return (generation, task)
    }
}
