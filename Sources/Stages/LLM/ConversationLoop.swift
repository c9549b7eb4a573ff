import Foundation
import Resilience
import SwitchboardCore

/// The state of one `llm-stream` run, changed only by `handle`, one input at a time, so it
/// needs no locks: engines and timers run in tasks that post back into the same inbox.
///
/// This file routes each input to the job it belongs to; the jobs live in extensions, one
/// file each: the call's lifecycle (`+Call`), conversations beginning and ending within it
/// (`+Conversations`), what the caller says (`+CallerTurns`), barge-in (`+BargeIn`), what the
/// caller has heard (`+Playback`), generating answers (`+Generation`) and answers started
/// early (`+Speculation`).
final class ConversationLoop<Output: FrameSink> {
    let stage: String
    let configuration: LLMStream.Configuration
    let clock: any ResilienceClock
    let output: Output
    let inbox: ConversationInbox

    var memory: ConversationMemory
    var generations: GenerationLauncher
    /// The agent turn being generated or played.
    var agent: AgentTurn?
    /// An answer started on a settled interim, held back until the final decides.
    var speculation: Speculation?
    var caller = CallerTurn()
    /// Typed input that arrived while the agent was talking, answered in order afterwards.
    var queuedTexts: [String] = []
    var bargeIn: BargeInDetector
    var bargeInTimer = BargeInTimer()
    /// Marks come back from the telephony side: the agent is speaking until its last mark
    /// returns rather than until `response.end` (see `+Playback`).
    var marksFlow = false
    /// The call's `start` named a media stream: a telephone call, which the agent hangs up
    /// once the conversation's last answer has been heard (`+Conversations`).
    var inCall = false
    /// A `start`, a restored `context` or a caller turn has begun a conversation; until then,
    /// the first caller turn is greeted first (`+Conversations`).
    var conversationBegun = false
    /// The number of the last turn begun. Turn numbers keep rising over the whole run.
    var lastTurn = 0
    var inputEnded = false
    var stopped = false
    var answeredAny = false
    var unansweredFailure: FailoverError?

    init(stage: String, configuration: LLMStream.Configuration, clock: any ResilienceClock, output: Output, inbox: ConversationInbox) {
        self.stage = stage
        self.configuration = configuration
        self.clock = clock
        self.output = output
        self.inbox = inbox
        memory = ConversationMemory(configuration: configuration)
        generations = GenerationLauncher(engines: configuration.engines, hedgeAfter: configuration.hedgeAfter, clock: clock, inbox: inbox)
        bargeIn = BargeInDetector(minimumMs: configuration.bargeInMs, minimumWords: configuration.bargeInWords)
    }

    /// Input is over and nothing is left to say (or the call stopped).
    var isFinished: Bool {
        stopped || (inputEnded && agent?.generating != true && queuedTexts.isEmpty)
    }

    /// The failure to exit with: every engine failed and no turn was ever answered.
    var failureToReport: FailoverError? { answeredAny ? nil : unansweredFailure }

    /// The run is over: every generation and timer stops, and tasks waiting to post are released.
    func cancelAll() {
        agent?.task?.cancel()
        speculation?.task.cancel()
        bargeInTimer.disarm()
        inbox.close()
    }

    func handle(_ input: LoopInput) async throws {
        // A barge-in timer that ran out is judged before anything that came after it.
        try await judgeBargeInIfDue()
        switch input {
        case .frame(let frame): try await handle(frame)
        case .inputEnded: try await endOfInput()
        case .chunk(let generation, let served): try await received(served, from: generation)
        case .generationEnded(let generation, let error): try await ended(generation, error: error)
        case .bargeInTimerDue: break  // judged above
        }
    }

    private func handle(_ frame: Frame) async throws {
        guard case .event(let event) = frame else {
            try await output.send(frame)
            if let audio = frame.audio { try await mediaTime(reached: audio.ts + Int(audio.durationMs)) }
            return
        }
        switch event.type {
        case "text": try await typed(event)
        case "transcript": try await transcript(event)
        // Its own snapshot, come round a call's ring (`looped`), tells the stage nothing new
        // and may be older than what has happened since (a conversation begun after the one
        // it shows had ended): passed on, not restored.
        case "context" where event["looped"]?.bool != true: try await restore(event)
        case "start":
            try await output.send(frame)
            try await callStarted(event)
        case "stop":
            try await callStopped()
            try await output.send(frame)
        case "vad":
            try await output.send(frame)
            try await vad(event)
        case "mark":
            try await output.send(frame)
            if let name = event["name"]?.string { try await markPlayed(name) }
        case "spoken":
            try await output.send(frame)
            spoken(event)
        case "idle":
            try await output.send(frame)
            idle(event)
        default:
            try await output.send(frame)
        }
    }

    func nextTurn() -> Int {
        lastTurn += 1
        return lastTurn
    }

    func report(_ message: String) async throws {
        try await output.send(.event(.error(stage: stage, message: message)))
    }
}
