import Audio
import Logging
import SwitchboardCore

/// The `mulaw-encode` stage: audio of any codec and rate in, 8 kHz µ-law in 20 ms frames out,
/// ready for Twilio.
///
/// * A `spoken` event becomes a `mark` named `t<turn>.s<index>` placed right after that
///   sentence's audio, so Twilio echoes it once the caller has heard it.
/// * An `interrupt` drops all not-yet-sent audio and marks of turns ≤ its `turn` (and any that
///   still arrive), then goes out at once: the Twilio writer turns it into `clear`.
/// * With `pace`, audio leaves at real time, at most `leadMs` ahead of the playout clock, so an
///   interrupt can still take back what has not been sent. Other events are never delayed.
public struct MuLawEncoder: Stage {
    public let name = "mulaw-encode"
    public static let rate = 8000
    public var pace: Bool
    public var leadMs: Int
    public var frameMs: Int
    public var quality: ResamplerQuality

    public init(pace: Bool = false, leadMs: Int = 100, frameMs: Int = 20, quality: ResamplerQuality = .default) {
        self.pace = pace
        self.leadMs = leadMs
        self.frameMs = frameMs
        self.quality = quality
    }

    public func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
        let queue = PlayoutQueue()
        let pacer = Pacer(leadMs: pace ? leadMs : nil)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pacer.drain(queue, to: output) }
            do {
                try await encode(input, into: queue, output: output)
            } catch {
                queue.close()
                throw error
            }
            queue.close()
            try await group.waitForAll()
        }
    }

    private func encode(_ input: some AsyncSequence<Frame, Never>, into queue: PlayoutQueue, output: some FrameSink) async throws {
        var converter = RateConverter(outputRate: Self.rate, quality: quality)
        var chunker = AudioChunker(rate: Self.rate, bytesPerSample: 1, frameMs: frameMs)
        var currentTurn: Int?

        /// Queues whatever audio is still held back so that what follows comes after it.
        func flushAudio() {
            chunker.push(MuLaw.encode(converter.flush())).forEach { queue.append(.audio(mulawFrame($0, turn: currentTurn))) }
            if let rest = chunker.flush() { queue.append(.audio(mulawFrame(rest, turn: currentTurn))) }
        }

        for await frame in input {
            switch frame {
            case .audio(let audio):
                if queue.isInterrupted(audio.turn) { continue }
                if audio.turn != currentTurn {
                    flushAudio()
                    currentTurn = audio.turn
                }
                let samples: [Int16]
                do {
                    samples = try converter.convert(audio.pcmSamples, from: audio.rate)
                } catch {
                    try await output.send(Event.error(stage: name, message: "\(error)"))
                    continue
                }
                for piece in chunker.push(MuLaw.encode(samples)) {
                    queue.append(.audio(mulawFrame(piece, turn: currentTurn)))
                }

            case .event(let event) where event.type == "spoken":
                if queue.isInterrupted(event["turn"]?.int) { continue }
                flushAudio()
                queue.append(frame)
                if let turn = event["turn"]?.int, let index = event["index"]?.int {
                    queue.append(.event(Event("mark", ["name": .string("t\(turn).s\(index)"), "turn": .int(turn)])))
                } else {
                    try await output.send(Event.error(stage: name, message: #"spoken event without integer "turn" and "index": no mark sent"#))
                }

            case .event(let event) where event.type == "interrupt":
                guard let turn = event["turn"]?.int else {
                    try await output.send(Event.error(stage: name, message: #"interrupt event without integer "turn""#))
                    try await output.send(frame)
                    continue
                }
                queue.interrupt(through: turn)
                if queue.isInterrupted(currentTurn) {
                    converter.reset()
                    chunker.discard()
                }
                try await output.send(frame)

            case .event(let event) where event.type == "stop":
                flushAudio()
                queue.append(frame)

            case .event:
                // Unpaced, the queue drains at once, so order is kept; paced, events must not
                // wait behind seconds of audio.
                if pace { try await output.send(frame) } else { queue.append(frame) }
            }
        }
        flushAudio()
    }

    private func mulawFrame(_ piece: (ts: Int, payload: [UInt8]), turn: Int?) -> AudioFrame {
        AudioFrame(codec: .mulaw, rate: Self.rate, ts: piece.ts, turn: turn, payload: piece.payload)
    }
}

/// Sends queued frames, optionally holding audio to real time plus a lead.
struct Pacer: Sendable {
    /// nil: send as fast as the output takes it.
    let leadMs: Int?

    func drain(_ queue: PlayoutQueue, to output: some FrameSink) async throws {
        let clock = ContinuousClock()
        var origin: ContinuousClock.Instant?
        // Milliseconds of audio sent, on the playout clock that starts at `origin`.
        var sentMs = 0.0
        while let frame = await queue.next() {
            guard let leadMs, case .audio(let audio) = frame else {
                try await output.send(frame)
                continue
            }
            let now = clock.now
            let start = origin ?? now
            origin = start
            let playedMs = Double((now - start).components.seconds) * 1000
                + Double((now - start).components.attoseconds) / 1e15
            // After a pause in the agent's audio, playback restarts from now.
            sentMs = max(sentMs, playedMs)
            let waitMs = sentMs - Double(leadMs) - playedMs
            if waitMs > 0 {
                try? await Task.sleep(for: .microseconds(Int(waitMs * 1000)))
                if queue.wasInterrupted(audio.turn) { continue }
            }
            try await output.send(frame)
            sentMs += audio.durationMs
        }
    }
}
