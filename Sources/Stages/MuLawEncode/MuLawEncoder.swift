import Audio
import Logging
import Resilience
import SwitchboardCore

/// The `mulaw-encode` stage: audio of any codec and rate in, 8 kHz µ-law in 20 ms frames out,
/// ready for Twilio.
///
/// * A `spoken` event becomes a `mark` named `t<turn>.s<index>` placed right after that
///   sentence's audio, so Twilio echoes it once the caller has heard it. A copy fed back
///   round a call's ring (`"looped":true`) reports speech already marked: it passes on.
/// * A `response.end` of turn N (unless `interrupted`) becomes a `mark` named `t<N>.end` after
///   the turn's last audio, so the agent learns when the caller has heard the whole answer.
/// * A `mark` on the input is an echo from Twilio and ends here; `start` is rewritten to
///   describe the µ-law it now precedes.
/// * An `interrupt` drops all not-yet-sent audio and marks of turns ≤ its `turn` (and any that
///   still arrive), then goes out at once: the Twilio writer turns it into `clear`. Audio
///   without a turn (the caller's) is not the agent's to take back and still goes out.
/// * With `pace`, audio leaves at real time on `clock`, at most `leadMs` ahead of the
///   playout clock, so an interrupt can still take back what has not been sent. Other events
///   are never delayed. The queue to the pacer is bounded, so a fast producer is held back.
public struct MuLawEncoder: Stage {
    public let name = "mulaw-encode"
    public static let rate = 8000
    public var pace: Bool
    public var leadMs: Int
    public var frameMs: Int
    public var quality: ResamplerQuality
    /// The real-time clock of pacing; tests substitute one they move by hand.
    public var clock: any ResilienceClock
    /// How much the queue to the pacer holds before the producer is held back.
    var playoutLimits = PlayoutQueue.defaultLimits

    public init(
        pace: Bool = false, leadMs: Int = 100, frameMs: Int = 20, quality: ResamplerQuality = .default,
        clock: any ResilienceClock = SystemClock()
    ) {
        self.pace = pace
        self.leadMs = leadMs
        self.frameMs = frameMs
        self.quality = quality
        self.clock = clock
    }

    public func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
        guard pace else {
            try await encode(input, into: DirectOutbox(output: output))
            return
        }
        let queue = PlayoutQueue(limits: playoutLimits)
        let pacer = Pacer(lead: .milliseconds(leadMs), clock: clock)
        // Two children: cancelling the stage cancels both, and the first to fail ends the
        // other (a pacer whose output failed releases an encoder waiting for room).
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pacer.run(from: queue, to: output) }
            group.addTask {
                try await encode(input, into: queue)
                queue.finish()
            }
            while try await group.next() != nil {}
        }
    }

    private func encode(_ input: some AsyncSequence<Frame, Never>, into outbox: some Outbox) async throws {
        var converter = RateConverter(outputRate: Self.rate, quality: quality)
        var chunker = AudioChunker(rate: Self.rate, bytesPerSample: 1, frameMs: frameMs)
        var currentTurn: Int?
        var interrupted = InterruptedTurns()

        /// Sends whatever audio is still held back, so that what follows comes after it.
        func flushAudio() async throws {
            for piece in chunker.push(MuLaw.encode(converter.flush())) {
                try await outbox.put(.audio(mulawFrame(piece, turn: currentTurn)))
            }
            if let rest = chunker.flush() { try await outbox.put(.audio(mulawFrame(rest, turn: currentTurn))) }
        }

        func report(_ message: String) async throws {
            try await outbox.putUrgent(.error(stage: name, message: message))
        }

        for await frame in input {
            switch frame {
            case .audio(let audio):
                if interrupted.contains(audio.turn) { continue }
                if audio.turn != currentTurn {
                    try await flushAudio()
                    currentTurn = audio.turn
                }
                let mulaw: [UInt8]
                switch (audio.codec, audio.rate) {
                case (.mulaw, Self.rate): mulaw = audio.payload
                case (.pcm16, Self.rate): mulaw = MuLaw.encodeFromPCM16(audio.payload)
                default:
                    do {
                        mulaw = MuLaw.encode(try converter.convert(audio.pcmSamples, from: audio.rate))
                    } catch {
                        try await report("\(error)")
                        continue
                    }
                }
                for piece in chunker.push(mulaw) {
                    try await outbox.put(.audio(mulawFrame(piece, turn: currentTurn)))
                }

            case .event(let event) where event.type == "spoken" && event["looped"]?.bool != true:
                if interrupted.contains(event["turn"]?.int) { continue }
                try await flushAudio()
                try await outbox.put(frame)
                if let turn = event["turn"]?.int, let index = event["index"]?.int {
                    try await outbox.put(.event(Event("mark", ["name": .string("t\(turn).s\(index)"), "turn": .int(turn)])))
                } else {
                    try await report(#"spoken event without integer "turn" and "index": no mark sent"#)
                }

            case .event(let event) where event.type == "interrupt":
                guard let turn = event["turn"]?.int else {
                    try await report(#"interrupt event without integer "turn""#)
                    try await outbox.putUrgent(frame)
                    continue
                }
                interrupted.interrupt(through: turn)
                outbox.interrupt(through: turn)
                if interrupted.contains(currentTurn) {
                    converter.reset()
                    chunker.discard()
                }
                try await outbox.putUrgent(frame)

            case .event(let event) where event.type == "response.end":
                guard let turn = event["turn"]?.int else {
                    try await report(#"response.end event without integer "turn": no t<N>.end mark sent"#)
                    try await outbox.putUrgent(frame)
                    continue
                }
                // The mark follows the turn's last audio, so its echo means the whole answer was heard.
                if event["reason"]?.string != "interrupted", !interrupted.contains(turn) {
                    if currentTurn == turn { try await flushAudio() }
                    try await outbox.put(.event(Event("mark", ["name": .string("t\(turn).end"), "turn": .int(turn)])))
                }
                try await outbox.putUrgent(frame)

            case .event(var event) where event.type == "start":
                event["codec"] = .string(AudioCodec.mulaw.rawValue)
                event["rate"] = .int(Self.rate)
                try await outbox.putUrgent(.event(event))

            case .event(let event) where event.type == "mark":
                // Marks on the input are Twilio's echoes of played audio, travelling the ring
                // the other way; sent on, they would go back to Twilio and echo for ever.
                _ = event
                continue

            case .event(let event) where event.type == "stop":
                // The call is over (DESIGN §1): what is queued still plays, then the stage ends.
                try await flushAudio()
                try await outbox.put(frame)
                return

            case .event:
                try await outbox.putUrgent(frame)
            }
        }
        try await flushAudio()
    }

    private func mulawFrame(_ piece: (ts: Int, payload: [UInt8]), turn: Int?) -> AudioFrame {
        AudioFrame(codec: .mulaw, rate: Self.rate, ts: piece.ts, turn: turn, payload: piece.payload)
    }
}

