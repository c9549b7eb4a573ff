import Foundation
import Providers
import Resilience
import SwitchboardCore

/// What the conversation loop reacts to, one at a time: input frames, engine output, timers.
enum LoopInput: Sendable {
    case frame(Frame)
    case inputEnded
    case chunk(generation: Int, Served<ResponseChunk>)
    case generationEnded(generation: Int, error: (any Error)?)
    case bargeInTimer(id: Int)
}

/// The state of one `llm-stream` run, changed only by `handle`, one input at a time, so it
/// needs no locks: engines and timers run in tasks that post back into the same inbox.
final class ConversationLoop<Output: FrameSink> {
    let stage: String
    let configuration: LLMStream.Configuration
    let output: Output
    let post: AsyncStream<LoopInput>.Continuation

    private var history: ConversationHistory
    private var system: String?
    private var engineState: JSON?
    private var nextTurn = 1
    private var nextGeneration = 1
    /// The agent turn being generated or played.
    private var agent: AgentTurn?
    /// Typed input that arrived while the agent was talking, answered in order afterwards.
    private var queuedTexts: [String] = []
    private var caller = CallerTurn()
    private var bargeIn: BargeInDetector
    private var bargeInTimer = 0
    private var speculation: Speculation?
    /// Marks come back from the telephony side (a Twilio call, or seen once): the agent is
    /// speaking until its last mark returns rather than until `response.end`.
    private var marksFlow = false
    private var inputEnded = false
    private var stopped = false
    private var answeredAny = false
    private(set) var unansweredFailure: FailoverError?

    init(stage: String, configuration: LLMStream.Configuration, output: Output, post: AsyncStream<LoopInput>.Continuation) {
        self.stage = stage
        self.configuration = configuration
        self.output = output
        self.post = post
        self.history = ConversationHistory(turns: configuration.historyTurns)
        self.system = configuration.system
        self.bargeIn = BargeInDetector(minimumMs: configuration.bargeInMs, minimumWords: configuration.bargeInWords)
    }

    /// Input is over and nothing is left to say (or the call stopped).
    var isFinished: Bool {
        stopped || (inputEnded && agent?.generating != true && queuedTexts.isEmpty)
    }

    /// The failure to exit with: every engine failed and no turn was ever answered.
    var failureToReport: FailoverError? { answeredAny ? nil : unansweredFailure }

    func cancelAll() {
        agent?.task?.cancel()
        speculation?.task.cancel()
        post.finish()
    }

    func handle(_ input: LoopInput) async throws {
        switch input {
        case .frame(let frame): try await handle(frame)
        case .inputEnded: try await endOfInput()
        case .chunk(let generation, let served): try await received(served, from: generation)
        case .generationEnded(let generation, let error): try await ended(generation, error: error)
        case .bargeInTimer(let id): if id == bargeInTimer, isSpeaking { try await apply(bargeIn.timerFired()) }
        }
    }

    // MARK: Input frames

    private func handle(_ frame: Frame) async throws {
        guard case .event(let event) = frame else {
            try await output.send(frame)
            if let audio = frame.audio, isSpeaking { try await apply(bargeIn.mediaTime(audio.ts + Int(audio.durationMs))) }
            return
        }
        switch event.type {
        case "text": try await typed(event)
        case "transcript": try await transcript(event)
        case "context": try await restore(event)
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
            if let turn = event["turn"]?.int, let index = event["index"]?.int, let text = event["text"]?.string, agent?.turn == turn {
                agent?.playback.spoken(index: index, text: text)
            }
        default:
            try await output.send(frame)
        }
    }

    private func typed(_ event: Event) async throws {
        guard let text = event["text"]?.string else { return try await report(#"text event without a string "text""#) }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return }
        if agent != nil {
            queuedTexts.append(trimmed)
        } else {
            try await respond(to: trimmed)
        }
    }

    private func transcript(_ event: Event) async throws {
        guard let text = event["text"]?.string else { return try await report(#"transcript event without a string "text""#) }
        let ts = event["ts"]?.int ?? 0
        let isFinal = event["final"]?.bool ?? false
        if isSpeaking {
            // Caller speech over the agent: an interruption, or a backchannel to let pass.
            try await apply(bargeIn.transcript(words: CallerTurn.wordCount(text), ts: ts))
            guard !isSpeaking else { return }
        }
        if isFinal {
            caller.final(text)
            if event["endpoint"]?.bool == true, !caller.isEmpty { try await respond(to: caller.take(), spoken: true) }
        } else if configuration.speculate, agent == nil, let settled = caller.interim(text) {
            speculate(on: settled)
        }
    }

    private func vad(_ event: Event) async throws {
        guard isSpeaking, let ts = event["ts"]?.int else { return }
        switch event["event"]?.string {
        case "start": try await apply(bargeIn.vadStart(ts: ts))
        case "end": try await apply(bargeIn.vadEnd(ts: ts))
        default: break
        }
    }

    private func restore(_ event: Event) async throws {
        guard let messages = ConversationHistory.messages(of: event) else {
            return try await report(#"context event without a "messages" list of role/content objects: ignored"#)
        }
        if let restored = messages.first(where: { $0.role == "system" }) { system = restored.content }
        history.restore(messages)
        engineState = event["engine_state"]
    }

    /// A new call: a new conversation (turn numbers keep rising, so that an `interrupt` of the
    /// old call can never drop the new one's audio).
    private func callStarted(_ event: Event) async throws {
        try await abandonTurn()
        history = ConversationHistory(turns: configuration.historyTurns)
        engineState = nil
        system = configuration.system
        // Only a media stream echoes marks: a file input has `"stream": null` (or none), and
        // waiting for its marks would wait forever. A mark seen later still turns them on.
        marksFlow = event["stream"]?.string.map { !$0.isEmpty } ?? false
        let params = event["params"]?.object
        if let prompt = params?["system"]?.string {
            system = prompt
        } else if let tenant = event["tenant"]?.string ?? params?["tenant"]?.string, let prompt = configuration.tenantPrompts[tenant] {
            system = prompt
        }
        try await greet()
    }

    private func callStopped() async throws {
        try await abandonTurn()
        stopped = true
    }

    /// The call is over: whatever the agent was saying or preparing is dropped.
    private func abandonTurn() async throws {
        if let agent, agent.generating { try await finish(agent, reason: "interrupted") }
        agent?.task?.cancel()
        agent = nil
        speculation?.task.cancel()
        speculation = nil
        caller = CallerTurn()
        queuedTexts = []
    }

    private func endOfInput() async throws {
        inputEnded = true
        // Finals never closed by an endpoint are still the caller's words.
        if !caller.isEmpty {
            let text = caller.take()
            if agent == nil { try await respond(to: text, spoken: true) } else { queuedTexts.append(text) }
        }
        // No mark can come back any more: what was sent counts as played.
        if let agent, !agent.generating { try await donePlaying(agent) }
    }

    // MARK: Playback and barge-in

    /// From `response.start` until the last mark returns (or `response.end` where no marks flow).
    private var isSpeaking: Bool { agent?.announced == true }

    private func markPlayed(_ name: String) async throws {
        marksFlow = true
        guard var agent, agent.playback.played(mark: name) else { return }
        self.agent = agent
        if agent.playback.playedEverything { try await donePlaying(agent) }
    }

    private func apply(_ verdict: BargeInDetector.Verdict) async throws {
        switch verdict {
        case .none: break
        case .armTimer:
            bargeInTimer += 1
            let id = bargeInTimer
            let post = post
            let wait = Duration.milliseconds(configuration.bargeInMs)
            Task {
                try? await Task.sleep(for: wait)
                post.yield(.bargeInTimer(id: id))
            }
        case .interrupt(let ts): try await interrupt(at: ts)
        }
    }

    /// The caller has barged in: stop the agent now, keep in history only what was heard.
    private func interrupt(at ts: Int) async throws {
        guard var agent else { return }
        bargeInTimer += 1
        bargeIn.reset()
        try await output.send(.event(Event("interrupt", ["turn": .int(agent.turn), "ts": .int(ts)])))
        if agent.generating {
            agent.task?.cancel()
            agent.playback.endGeneration()
            try await finish(agent, reason: "interrupted")
        } else {
            history.replaceLastAssistant(with: heard(agent))
            try await sendContext()
        }
        self.agent = nil
        try await answerQueued()
    }

    private func heard(_ agent: AgentTurn) -> String {
        marksFlow ? agent.playback.heardText : agent.playback.generated.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func donePlaying(_ agent: AgentTurn) async throws {
        guard self.agent?.turn == agent.turn else { return }
        self.agent = nil
        bargeIn.reset()
        try await answerQueued()
    }

    private func answerQueued() async throws {
        guard agent == nil, !queuedTexts.isEmpty else { return }
        try await respond(to: queuedTexts.removeFirst())
    }

    // MARK: Generating

    private func respond(to text: String, spoken: Bool = false) async throws {
        // A greeting that has not said a word yet gives way to the caller.
        if let agent, !agent.announced {
            agent.task?.cancel()
            self.agent = nil
        }
        let turn = nextTurn
        nextTurn += 1
        if let speculation, spoken, speculation.matches(text) {
            self.speculation = nil
            try await adopt(speculation, turn: turn, user: text)
            return
        }
        // A speculation the final did not match is thrown away: nothing saved.
        let missed = speculation != nil
        speculation?.task.cancel()
        speculation = nil
        let generation = nextGeneration
        nextGeneration += 1
        var agent = AgentTurn(turn: turn, generation: generation, user: text)
        agent.task = launch(prompt(user: text), generation: generation)
        agent.announced = true
        self.agent = agent
        try await output.send(.event(agent.responseStart))
        if missed { try await output.send(.event(agent.trace(stage, "llm.speculation", ms: 0))) }
    }

    private func greet() async throws {
        let engines: [FailoverEngine<Prompt, ResponseChunk>]
        switch configuration.greeting {
        case .none: return
        case .engines: engines = configuration.engines
        case .text(let greeting):
            engines = [FixedReplyEngine(name: "greeting", reply: greeting, wordsPerSecond: configuration.greetingWordsPerSecond).failoverEngine()]
        }
        let generation = nextGeneration
        nextGeneration += 1
        var agent = AgentTurn(turn: nextTurn, generation: generation, user: nil)
        nextTurn += 1
        agent.task = launch(prompt(user: nil), generation: generation, engines: engines)
        self.agent = agent
    }

    private func prompt(user: String?) -> Prompt {
        Prompt(system: system, history: history.messages, user: user, engineState: engineState)
    }

    /// Runs the engines (failover, hedging) in a task that posts what they stream.
    private func launch(_ prompt: Prompt, generation: Int, engines: [FailoverEngine<Prompt, ResponseChunk>]? = nil) -> Task<Void, Never> {
        let failover = Failover(engines: engines ?? configuration.engines, hedgeAfter: configuration.hedgeAfter)
        let post = post
        return Task {
            do {
                for try await served in failover.stream(prompt) { post.yield(.chunk(generation: generation, served)) }
                post.yield(.generationEnded(generation: generation, error: nil))
            } catch {
                post.yield(.generationEnded(generation: generation, error: error))
            }
        }
    }

    private func received(_ served: Served<ResponseChunk>, from generation: Int) async throws {
        if speculation?.generation == generation {
            speculation?.buffer(served)
            return
        }
        guard var agent, agent.generation == generation, agent.generating else { return }
        agent.engine = served.engine
        switch served.element {
        case .text(let text):
            if !agent.announced {
                agent.announced = true
                try await output.send(.event(agent.responseStart))
            }
            agent.received(text)
            self.agent = agent
            try await output.send(.event(Event("token", ["turn": .int(agent.turn), "text": .string(text)])))
        case .usage(let usage):
            agent.usage = usage
            self.agent = agent
        case .engineState(let state):
            agent.engineState = state
            self.agent = agent
        }
    }

    private func ended(_ generation: Int, error: (any Error)?) async throws {
        if speculation?.generation == generation {
            speculation?.ended(error: error)
            return
        }
        guard var agent, agent.generation == generation, agent.generating else { return }
        agent.playback.endGeneration()
        if let error {
            if let failure = error as? FailoverError { unansweredFailure = failure }
            try await report("turn \(agent.turn): \(error)")
            try await finish(agent, reason: "error")
        } else {
            answeredAny = true
            try await finish(agent, reason: "done")
        }
        guard let finished = self.agent else { return }
        if !marksFlow || finished.playback.playedEverything || inputEnded || !finished.announced {
            try await donePlaying(finished)
        }
    }

    /// Ends generation of the turn: `response.end`, traces, history, `context`.
    private func finish(_ agent: AgentTurn, reason: String) async throws {
        var agent = agent
        agent.generating = false
        self.agent = agent
        guard agent.announced || agent.engineState != nil || reason == "error" else { return }
        if agent.announced {
            try await output.send(.event(agent.responseEnd(reason: reason)))
            for trace in agent.traces(stage: stage) { try await output.send(.event(trace)) }
        }
        guard reason != "error" else { return }
        if let state = agent.engineState { engineState = state }
        if agent.announced {
            history.append(user: agent.user, assistant: reason == "interrupted" ? heard(agent) : agent.playback.generated)
        }
        try await sendContext()
    }

    private func sendContext() async throws {
        try await output.send(.event(history.contextEvent(system: system, engineState: engineState)))
    }

    // MARK: Speculation

    private func speculate(on text: String) {
        if let speculation {
            guard !speculation.matches(text) else { return }
            speculation.task.cancel()
        }
        let generation = nextGeneration
        nextGeneration += 1
        speculation = Speculation(text: text, generation: generation, task: launch(prompt(user: text), generation: generation))
    }

    /// The final matched the speculative answer: it becomes the turn, with its head start.
    private func adopt(_ speculation: Speculation, turn: Int, user: String) async throws {
        let now = ContinuousClock.now
        var agent = AgentTurn(turn: turn, generation: speculation.generation, user: user, startedAt: now)
        agent.task = speculation.task
        agent.announced = true
        self.agent = agent
        try await output.send(.event(agent.responseStart))
        try await output.send(.event(agent.trace(stage, "llm.speculation", ms: speculation.savedMs(at: now))))
        for served in speculation.buffered { try await received(served, from: speculation.generation) }
        if speculation.isEnded { try await ended(speculation.generation, error: speculation.error) }
    }

    private func report(_ message: String) async throws {
        try await output.send(.event(.error(stage: stage, message: message)))
    }
}
