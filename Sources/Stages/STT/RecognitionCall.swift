import Channels
import Foundation
import Speech
import Synchronization
import SwitchboardCore

/// One call being recognized: the caller's audio cut into utterances by the `vad` events, each
/// handed to the engines of the active group, and their results turned into `transcript`
/// events on `outbox`. Results arrive from the engines' own tasks, hence an actor.
actor RecognitionCall {
    let settings: STTSettings
    let stage: String
    let outbox: BoundedChannel<Frame>

    var preRoll: PreRoll
    /// The utterance the caller is speaking, if any.
    var speaking: Int?
    /// Utterances not yet answered with a final, by number (the one being spoken among them).
    var open: [Int: CallerUtterance] = [:]
    var utterances = 0
    var listen: ListenContext?

    var lanes: [EngineLane] = []
    var group = 0
    /// The stage has said all it will (`stop` or end of input): a group that takes over later
    /// gets its replay and nothing more.
    var inputsFinished = false
    /// When an engine last answered: how `drain` tells a slow engine from a hung one.
    var lastResult = ContinuousClock.now
    var nextLaneID = 0
    /// Results being sent whose utterance has left `open` (a lone engine's last final, a pick):
    /// `drain` waits for them, or the stage could end with a final half sent. They run on an
    /// engine's or a timer's task, and the actor lets `drain` in at each `await`.
    var sending = 0
    /// The last group has failed: the stage gives up at the next frame.
    var failure: StageFailure?
    /// The engines' tasks and the competition timers, cancelled together when the stage ends.
    let tasks = TaskRegistry()

    init(settings: STTSettings, stage: String, outbox: BoundedChannel<Frame>) {
        self.settings = settings
        self.stage = stage
        self.outbox = outbox
        self.preRoll = PreRoll(milliseconds: settings.preRollMs)
    }

    func start() async {
        await startGroup(0)
    }

    /// One input frame. Returns false once the stage is done (`stop`).
    func handle(_ frame: Frame) async throws -> Bool {
        if let failure { throw failure }
        switch frame {
        case .audio(let audio):
            try await heard(audio)
            if settings.passAudio { try await send(frame) }
        case .event(let event) where event.type == "vad":
            switch event["event"]?.string {
            case "start": try await begin(ts: event["ts"]?.int ?? 0)
            case "end": try await end(ts: event["ts"]?.int ?? 0)
            default: break
            }
            try await send(frame)
        case .event(let event) where event.type == "listen":
            listen = ListenContext(event: event)
            try await send(frame)
        case .event(let event) where event.type == "stop":
            try await drain()
            try await send(frame)
            return false
        default:
            try await send(frame)
        }
        return true
    }

    /// Input ended without `stop`: answer what was said, then end.
    func finish() async throws {
        try await drain()
    }

    private func heard(_ audio: AudioFrame) async throws {
        guard let number = speaking, open[number] != nil else {
            preRoll.keep(audio)
            return
        }
        open[number]!.append(audio)
        try await feed(.audio(audio))
        if open[number]!.audioMs >= Double(settings.maxUtteranceMs) {
            // A VAD stuck in "speech" (a loud line) must not grow one utterance forever.
            let cut = open[number]!.lastTs
            try await end(ts: cut)
            try await begin(ts: cut)
        }
    }

    private func begin(ts: Int) async throws {
        guard speaking == nil else { return }
        utterances += 1
        let held = preRoll.take()
        var utterance = CallerUtterance(number: utterances, ts: held.first?.ts ?? ts, listen: listen)
        for frame in held { utterance.append(frame) }
        open[utterance.number] = utterance
        speaking = utterance.number
        try await feed(.begin(utterance: utterance.number, ts: utterance.ts, listen: listen))
        for frame in held { try await feed(.audio(frame)) }
    }

    private func end(ts: Int) async throws {
        guard let number = speaking else { return }
        speaking = nil
        open[number]?.endTs = ts
        open[number]?.endedAt = .now
        try await feed(.end(utterance: number, ts: ts))
    }

    /// Hands one input to every engine of the active group, each in its own format.
    func feed(_ input: RecognitionReplay) async throws {
        for lane in lanes where !lane.done {
            let (converted, problem) = convert(input, for: lane)
            if let problem { await report(problem) }
            // A lane that failed meanwhile has been closed and replaced; its replacement was
            // given the utterance from the buffer.
            for item in converted { try? await lane.inputs.send(item) }
        }
    }

    /// `input` in `lane`'s format, or what went wrong. Synchronous, so that a replay is
    /// converted and queued whole before any new audio can reach the lane.
    func convert(_ input: RecognitionReplay, for lane: EngineLane) -> (inputs: [RecognitionInput], problem: String?) {
        switch input {
        case .begin(let utterance, let ts, let listen):
            return ([.begin(utterance: utterance, ts: ts, listen: listen)], nil)
        case .audio(let frame):
            do {
                return ([.audio(try lane.convert(frame))], nil)
            } catch {
                return ([], "cannot convert \(frame.codec.rawValue) audio at \(frame.rate) Hz for \(lane.name) (it takes \(lane.engine.inputFormat(for: SpeechFormat(codec: frame.codec, rate: frame.rate)))): \(error)")
            }
        case .end(let utterance, let ts):
            return ((lane.finishAudio(ts: ts).map { [RecognitionInput.audio($0)] } ?? []) + [.end(utterance: utterance, ts: ts)], nil)
        }
    }

    /// At `stop` or end of input: the last utterance ends, the engines finish what they hold,
    /// and any competition still waiting is decided. The engines are given up on only after
    /// `drainDeadline` without a result: a queue of utterances still being decoded on a busy
    /// machine takes as long as it takes, a hung engine does not.
    private func drain() async throws {
        if let speaking, let last = open[speaking] { try await end(ts: last.lastTs) }
        inputsFinished = true
        for lane in lanes { lane.finishInputs() }
        lastResult = .now
        while lanes.contains(where: { !$0.done }), !open.isEmpty, ContinuousClock.now < lastResult + settings.drainDeadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        for number in open.keys.sorted() { try await decide(number) }
        while sending > 0 { try await Task.sleep(for: .milliseconds(10)) }
        if let failure { throw failure }
    }

    func send(_ frame: Frame) async throws { try await outbox.send(frame) }

    /// An `error` event; one the outbox can no longer take (the stage is ending) is dropped.
    func report(_ message: String, fatal: Bool = false) async {
        try? await outbox.send(.error(stage: stage, message: message, fatal: fatal))
    }

    /// Cancels every engine task and timer.
    nonisolated func cancelAll() { tasks.cancelAll() }
}

/// Tasks a call started outside structured concurrency (engines come and go mid-call).
final class TaskRegistry: Sendable {
    private let running = Mutex<[Int: Task<Void, Never>]>([:])
    private let counter = Atomic<Int>(0)

    func add(_ task: Task<Void, Never>) -> Int {
        let key = counter.add(1, ordering: .relaxed).newValue
        running.withLock { $0[key] = task }
        return key
    }

    func remove(_ key: Int) { _ = running.withLock { $0.removeValue(forKey: key) } }

    func cancelAll() {
        let tasks = running.withLock { running in
            defer { running = [:] }
            return Array(running.values)
        }
        for task in tasks { task.cancel() }
    }
}
