import DequeModule
import Synchronization
import SwitchboardCore

/// The telephone side played in-process (`switchboard run --loop-marks`): what leaves the
/// graph is passed to `output` (stdout) and the agent's audio is "played" on a real-time
/// clock, as Twilio's buffer plays it. Each `mark` is echoed into the call's first node once
/// the audio sent before it has played; an `interrupt` (Twilio's `clear`) empties the buffer
/// and echoes the pending marks at once, as Twilio does.
public final class LoopedTelephone<Output: FrameSink>: FrameSink {
    private enum Command: Sendable {
        case audio(Duration)
        case mark(String)
        case clear
    }

    private let output: Output
    private let inbound: FrameChannel
    /// In order, no urgent lane: a `clear` applies to the marks sent before it, and the
    /// player takes commands as they come (it is the buffer that waits, not the commands).
    private let commands = BoundedChannel<Command>(limits: .init(count: 4096))
    private let lastSent = Mutex(ContinuousClock.now)
    private let pendingMarks = Atomic<Int>(0)
    private let playedUntil = Mutex(ContinuousClock.now)

    /// `inbound` is where echoed marks go: the ring's first-node input.
    public init(output: Output, inbound: FrameChannel) {
        self.output = output
        self.inbound = inbound
    }

    public func send(_ frame: Frame) async throws {
        try await output.send(frame)
        lastSent.withLock { $0 = .now }
        switch frame {
        case .audio(let audio) where audio.turn != nil:
            try await commands.send(.audio(.microseconds(Int64(audio.durationMs * 1000))))
        case .event(let event) where event.type == "mark":
            guard let name = event["name"]?.string else { return }
            pendingMarks.add(1, ordering: .relaxed)
            try await commands.send(.mark(name))
        case .event(let event) where event.type == "interrupt":
            try await commands.send(.clear)
        default:
            break
        }
    }

    public func finish() async throws {
        commands.finish()
        try await output.finish()
    }

    /// Plays the buffer until `finish`; run it beside the ring, in the call's task group.
    public func play() async {
        let clock = ContinuousClock()
        var marks = Deque<(name: String, due: ContinuousClock.Instant)>()
        var end = clock.now
        while true {
            let wait = marks.first.map { $0.due - clock.now }
            if let wait, wait <= .zero {
                await echo(marks.removeFirst().name)
                continue
            }
            guard let batch = await nextCommands(within: wait) else { continue }
            for command in batch {
                switch command {
                case .audio(let duration):
                    end = max(end, clock.now) + duration
                    playedUntil.withLock { $0 = end }
                case .mark(let name):
                    marks.append((name, max(end, clock.now)))
                case .clear:
                    end = clock.now
                    playedUntil.withLock { $0 = end }
                    while let mark = marks.popFirst() { await echo(mark.name) }
                }
            }
            if batch.isEmpty {
                // Finished: play out what is left, then end.
                while let mark = marks.popFirst() {
                    try? await clock.sleep(until: mark.due)
                    await echo(mark.name)
                }
                return
            }
        }
    }

    /// True when nothing is left to play and nothing has left the graph for `quiet`, counted
    /// from `since` at the earliest (when the input ended, say).
    public func isIdle(quiet: Duration, since: ContinuousClock.Instant) -> Bool {
        let now = ContinuousClock.now
        return pendingMarks.load(ordering: .relaxed) == 0 && playedUntil.withLock { $0 } <= now
            && max(since, lastSent.withLock { $0 }) + quiet <= now
    }

    private func echo(_ name: String) async {
        pendingMarks.subtract(1, ordering: .relaxed)
        // The call may have ended already: an echo nobody reads is dropped.
        try? await inbound.send(.event(Event("mark", ["name": .string(name)])))
    }

    /// The next commands, or nil when `limit` passed first (nil limit: wait as long as it takes).
    private func nextCommands(within limit: Duration?) async -> [Command]? {
        guard let limit else { return await commands.nextBatch() }
        return await withTaskGroup(of: [Command]?.self) { race in
            race.addTask { await self.commands.nextBatch() }
            race.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            let first = await race.next() ?? nil
            race.cancelAll()
            // A batch taken as the timer fired must not be lost.
            var taken = first
            for await other in race where taken == nil || taken?.isEmpty == true {
                if let other, !other.isEmpty { taken = other }
            }
            return taken
        }
    }
}
