import Audio
import Foundation
import Logging
import NIOPosix
import Synchronization
import SwitchboardCore
import Telephony

/// Who a call is, for its files, log lines and `/calls`.
public struct CallIdentity: Sendable {
    /// Twilio's CallSid (or the stream SID when a client sent none).
    public var id: String
    public var tenant: String?
    /// Unix ms.
    public var startedAtMs: Int
    public init(id: String, tenant: String?, startedAtMs: Int) {
        self.id = id
        self.tenant = tenant
        self.startedAtMs = startedAtMs
    }
}

/// Where a call's observations go: its stereo recording and transcript, its trace file, the
/// per-turn breakdown (log line and Prometheus histograms).
///
/// The call's socket handler reports what crosses the telephone side; nothing here blocks the
/// call: files are written off Swift's cooperative pool through bounded queues.
///
/// Each report takes a lock for a few microseconds — placing audio on the `StereoTimeline`,
/// following turns — and hands finished pieces (a quarter second of stereo audio, a JSON
/// line) to the call's `CallFileQueue`, whose writes run on NIO's process-wide blocking-I/O
/// pool. Every time is the supervisor's own: ms since the call started, read when the report
/// arrives. Reports after `close()` are ignored.
public final class CallObserver: Sendable {
    public let call: CallIdentity
    private let metrics: ServeMetrics
    private let logger: Logger
    private let files: CallFileQueue?
    private let transcribes: Bool
    private let traces: Bool
    private let elapsedMs: @Sendable () -> Double
    private let state: Mutex<State>

    private struct State {
        var clock = MediaClock()
        var timeline: StereoTimeline?
        var turns = TurnTracker()
        /// Agent turns whose first audio has gone (the latest few: turns only move on).
        var audioTurns: [Int] = []
        /// Where the sentence being sent starts in the recording (samples), until its `spoken`.
        var sentenceStart: Int?
        /// Media ms where the caller's current utterance began (`vad start`).
        var utteranceStartMs: Double?
        /// The caller's words were written from a final transcript since the last turn began,
        /// so `response.start` need not write them again.
        var callerWritten = false
        var heardCaller = false
        var closed = false
    }

    /// `pool` runs the file writes (the process-wide one unless a test brings its own);
    /// `elapsedMs` is the call's clock, ms since it started (a test's hand-moved clock;
    /// by default, time since `call.startedAtMs`).
    public init(call: CallIdentity, recordDirectory: String?, traceDirectory: String?, metrics: ServeMetrics, logger: Logger,
                pool: NIOThreadPool = .singleton, elapsedMs: (@Sendable () -> Double)? = nil) {
        self.call = call
        self.metrics = metrics
        var logger = logger
        logger[metadataKey: "call"] = .string(call.id)
        self.logger = logger
        let name = CallFileName.stem(call.id)
        let paths = CallFiles.Paths(
            recording: recordDirectory.map { "\($0)/\(name).wav" },
            transcript: recordDirectory.map { "\($0)/\(name).transcript.jsonl" },
            trace: traceDirectory.map { "\($0)/\(name).trace.jsonl" })
        transcribes = recordDirectory != nil
        traces = traceDirectory != nil
        if transcribes || traces {
            files = CallFileQueue(files: CallFiles(paths: paths, logger: logger, failed: { metrics.observerFileError($0) }), pool: pool)
        } else {
            files = nil
        }
        if let elapsedMs {
            self.elapsedMs = elapsedMs
        } else {
            let started = ContinuousClock.now
            let before = max(0, Date().timeIntervalSince1970 * 1000 - Double(call.startedAtMs))
            self.elapsedMs = { before + (ContinuousClock.now - started).milliseconds }
        }
        var state = State()
        if recordDirectory != nil { state.timeline = StereoTimeline() }
        self.state = Mutex(state)
        if traces { _ = files?.add(.trace(ObservationLines.header(call))) }
    }

    /// Caller audio as Twilio sent it: µ-law 8 kHz, at media time `mediaMs` (ms since the
    /// stream started).
    public func callerAudio(_ payload: [UInt8], mediaMs: Int) {
        let now = elapsedMs()
        var drops = Drops()
        state.withLock { state in
            guard !state.closed else { return }
            guard state.clock.heard(mediaMs: mediaMs, atCallMs: now) else {
                drops.add("caller_audio_bad")
                return
            }
            if !state.heardCaller {
                state.heardCaller = true
                let first = AudioFrame(codec: .mulaw, rate: StereoTimeline.rate, ts: mediaMs, payload: [])
                trace(ObservationLines.audio(first, direction: "in", at: now, playsAtMs: Double(mediaMs)), &drops)
            }
            switch state.timeline?.placeCaller(payload, at: mediaMs * StereoTimeline.rate / 1000) {
            case .late(let samples)?: drops.add("caller_audio_late", samples > 0 ? 1 : 0)
            case .oversized?: drops.add("caller_audio_bad")
            case .placed?, nil: break
            }
            settle(&state, now: now, &drops)
        }
        drops.report(to: metrics)
    }

    /// A frame entering the graph from the telephone side (`start`, mark echoes, `dtmf`, `stop`).
    public func entering(_ frame: Frame) {
        guard let event = frame.event else { return }
        let now = elapsedMs()
        var drops = Drops()
        state.withLock { state in
            guard !state.closed else { return }
            trace(ObservationLines.event(event, direction: "in", at: now), &drops)
            settle(&state, now: now, &drops)
        }
        drops.report(to: metrics)
    }

    /// A frame leaving the graph for the telephone side, as it is sent: agent audio (with its
    /// `turn`), `mark`, `interrupt`, and every event that reaches the end (`trace`,
    /// `transcript`, `spoken`, `hangup`…).
    public func leaving(_ frame: Frame) {
        let now = elapsedMs()
        var drops = Drops()
        let finished = state.withLock { state -> [TurnBreakdown] in
            guard !state.closed else { return [] }
            switch frame {
            case .audio(let audio): agentAudio(audio, &state, now: now, &drops)
            case .event(let event): agentEvent(event, &state, now: now, &drops)
            }
            let finished = state.turns.leaving(frame, at: now, clock: state.clock)
            for breakdown in finished { trace(ObservationLines.turn(breakdown, at: now), &drops) }
            settle(&state, now: now, &drops)
            return finished
        }
        drops.report(to: metrics)
        report(finished)
    }

    /// Flushes and closes the call's files; after the call has ended, also when it was cut.
    public func close() async {
        let now = elapsedMs()
        var drops = Drops()
        let finished = state.withLock { state -> [TurnBreakdown] in
            guard !state.closed else { return [] }
            state.closed = true
            let finished = state.turns.finishAll(clock: state.clock)
            for breakdown in finished { trace(ObservationLines.turn(breakdown, at: now), &drops) }
            if let stereo = state.timeline?.finish(now: mediaSample(state.clock, now)), !stereo.isEmpty {
                record(stereo, &drops)
            }
            return finished
        }
        drops.report(to: metrics)
        report(finished)
        await files?.finish()
    }

    /// Bytes held for this call's recording and file writes: what must not grow with its length.
    public var heldBytes: Int {
        state.withLock { $0.timeline?.heldBytes ?? 0 } + pendingWriteBytes
    }

    /// Bytes waiting for the disk (at most the write queue's bound).
    public var pendingWriteBytes: Int { files?.queuedBytes ?? 0 }

    // MARK: - Under the lock

    private func agentAudio(_ audio: AudioFrame, _ state: inout State, now: Double, _ drops: inout Drops) {
        let nowSample = mediaSample(state.clock, now)
        let start = state.timeline?.agentStart(now: nowSample)
        if let turn = audio.turn, !state.audioTurns.contains(turn) {
            state.audioTurns = Array((state.audioTurns + [turn]).suffix(8))
            let plays = start.map { Double($0) * 1000 / Double(StereoTimeline.rate) }
            trace(ObservationLines.audio(audio, direction: "out", at: now, playsAtMs: plays), &drops)
        }
        guard state.timeline != nil, let start else { return }
        state.sentenceStart = state.sentenceStart ?? start
        if audio.rate == StereoTimeline.rate, let mulaw = Self.mulaw(audio) {
            if !state.timeline!.queueAgent(mulaw, now: nowSample) { drops.add("agent_audio") }
        } else {
            state.timeline!.queueAgentSilence(samples: Int(audio.durationMs * Double(StereoTimeline.rate) / 1000), now: nowSample)
        }
    }

    private func agentEvent(_ event: Event, _ state: inout State, now: Double, _ drops: inout Drops) {
        trace(ObservationLines.event(event, direction: "out", at: now), &drops)
        // A copy fed round the ring (the runtime stops those before the telephone side).
        guard event["looped"]?.bool != true else { return }
        switch event.type {
        case "interrupt":
            state.sentenceStart = nil
            if let dropped = state.timeline?.interrupt(now: mediaSample(state.clock, now)), dropped > 0 {
                trace(ObservationLines.dropped(agentMs: Double(dropped) * 1000 / Double(StereoTimeline.rate), at: now), &drops)
            }
        case "vad" where event["event"]?.string == "start":
            state.utteranceStartMs = event["ts"]?.double
        case "transcript" where event["final"]?.bool == true:
            guard let text = event["text"]?.string, !text.isEmpty else { return }
            let ms = event["ts"]?.double ?? state.utteranceStartMs ?? state.clock.mediaMs(atCallMs: now)
            state.callerWritten = true
            transcribe(ObservationLines.transcript(who: "caller", text: text, ms: ms), &drops)
        case "response.start":
            // llm-stream takes the transcripts in: in most graphs none reach the end, and the
            // turn's `text` is the only record of what the caller said.
            defer { state.callerWritten = false; state.utteranceStartMs = nil }
            guard !state.callerWritten, let text = event["text"]?.string, !text.isEmpty else { return }
            let ms = state.utteranceStartMs ?? state.clock.mediaMs(atCallMs: now)
            transcribe(ObservationLines.transcript(who: "caller", text: text, ms: ms), &drops)
        case "spoken":
            guard let text = event["text"]?.string ?? event["said"]?.string, let timeline = state.timeline else { return }
            let start = state.sentenceStart ?? timeline.agentStart(now: mediaSample(state.clock, now))
            state.sentenceStart = nil
            transcribe(ObservationLines.transcript(who: "agent", text: text, ms: Double(start) * 1000 / Double(StereoTimeline.rate)), &drops)
        default: break
        }
    }

    /// Hands the recording what can no longer change.
    private func settle(_ state: inout State, now: Double, _ drops: inout Drops) {
        let nowSample = mediaSample(state.clock, now)
        if let stereo = state.timeline?.settled(now: nowSample) { record(stereo, &drops) }
    }

    private func mediaSample(_ clock: MediaClock, _ now: Double) -> Int {
        Int(clock.mediaMs(atCallMs: now) * Double(StereoTimeline.rate) / 1000)
    }

    private func record(_ stereo: [UInt8], _ drops: inout Drops) {
        if files?.add(.audio(stereo)) == .dropped { drops.add("recording") }
    }

    private func trace(_ line: [UInt8], _ drops: inout Drops) {
        guard traces else { return }
        if files?.add(.trace(line)) == .dropped { drops.add("lines") }
    }

    private func transcribe(_ line: [UInt8], _ drops: inout Drops) {
        guard transcribes else { return }
        if files?.add(.transcript(line)) == .dropped { drops.add("lines") }
    }

    // MARK: - Outside the lock

    private func report(_ finished: [TurnBreakdown]) {
        for breakdown in finished {
            logger.info("\(breakdown.summary)", metadata: ["turn": "\(breakdown.turn)"])
            for (name, ms) in breakdown.stages { metrics.turnStage(name).record(.milliseconds(max(ms, 0))) }
            if let latency = breakdown.latency { metrics.turnLatency.record(.milliseconds(max(latency, 0))) }
        }
    }

    /// Drops counted under the lock, reported to the metrics after it.
    private struct Drops {
        var counts: [(String, Int)] = []
        mutating func add(_ what: String, _ count: Int = 1) { if count > 0 { counts.append((what, count)) } }
        func report(to metrics: ServeMetrics) { for (what, count) in counts { metrics.observerDropped(what, count: count) } }
    }

    /// Agent audio as µ-law (what Twilio is sent); nil for a codec the recording cannot take.
    private static func mulaw(_ audio: AudioFrame) -> [UInt8]? {
        switch audio.codec {
        case .mulaw: audio.payload
        case .pcm16: MuLaw.encodeFromPCM16(audio.payload)
        }
    }
}
