import SwitchboardCore

/// The line's real-time clock: every 20 ms one caller frame goes out (queued speech, else line
/// silence) and 20 ms of agent audio plays. Marks whose audio began its last frame on a tick
/// are echoed on the next, when that frame has played.
enum CallerLineClock {
    static let frame = Duration.milliseconds(20)

    static func run(shared: CallerLine.Shared, recording: CallRecording?) async {
        let clock = ContinuousClock()
        // Ticks keep to a 20 ms grid from the call's start; each is stamped with its place on
        // the grid, so the timeline and the recording's sample positions agree.
        var next = shared.started
        while !Task.isCancelled {
            let ms = (next - shared.started).milliseconds
            guard let (sent, played, kinds) = tick(shared: shared, ms: ms) else { break }
            shared.record(kinds, at: ms)
            write(recording, shared: shared) { try $0.append(caller: sent, agent: played) }
            next += frame
            // A stalled machine catches up a little, not with a burst of seconds of frames:
            // the ticks it missed are skipped, and heard as silence on both sides.
            let behind = clock.now - next
            if behind > .milliseconds(200) {
                let skipped = Int(behind / frame)
                next += frame * skipped
                let silence = [UInt8](repeating: 0xFF, count: CallerLine.frameBytes * skipped)
                write(recording, shared: shared) { try $0.append(caller: silence, agent: silence) }
            }
            do { try await clock.sleep(until: next) } catch { break }
        }
        write(recording, shared: shared) { try $0.close() }
    }

    private static func write(_ recording: CallRecording?, shared: CallerLine.Shared, _ action: (CallRecording) throws -> Void) {
        guard let recording else { return }
        do { try action(recording) } catch {
            shared.state.withLock { $0.failure = $0.failure ?? "recording: \(error)" }
        }
    }

    /// One step under the lock; nil once the line has ended.
    private static func tick(shared: CallerLine.Shared, ms: Double) -> (sent: [UInt8], played: [UInt8], kinds: [CallerLineEvent.Kind])? {
        shared.state.withLock { state in
            guard !state.ended else { return nil }
            var kinds: [CallerLineEvent.Kind] = []
            for name in state.marksDueNextTick {
                shared.send(state.messages.mark(name), in: &state)
                kinds.append(.markEchoed(name))
            }
            state.marksDueNextTick = []

            let size = CallerLine.frameBytes
            var sent: [UInt8]
            let queued = state.queuedSpeechBytes
            if queued > 0 {
                if !state.callerSpeaking { kinds.append(.callerSpeechStarted) }
                state.callerSpeaking = true
                state.callerSpokeSinceArrival = true
                let take = min(size, queued)
                sent = Array(state.speech[state.speechStart..<state.speechStart + take])
                sent += repeatElement(0xFF, count: size - take)
                state.speechStart += take
                if state.speechStart == state.speech.count {
                    state.speech.removeAll(keepingCapacity: false)
                    state.speechStart = 0
                } else if state.speechStart > 64_000 {
                    // Speech queued while speaking: drop what went out so the queue stays bounded.
                    state.speech.removeFirst(state.speechStart)
                    state.speechStart = 0
                }
            } else {
                if state.callerSpeaking { kinds.append(.callerSpeechEnded) }
                state.callerSpeaking = false
                sent = [UInt8](repeating: 0xFF, count: size)
            }
            state.noise?.mix(&sent)
            shared.send(state.messages.media(sent, timestampMs: state.sentFrames * 20), in: &state)
            state.sentFrames += 1

            let step = state.playout.play(size)
            if step.agentBytes > 0 && !state.agentPlaying {
                state.agentPlaying = true
                kinds.append(.agentAudioStarted)
            }
            if state.agentPlaying && state.playout.bufferedBytes == 0 {
                state.agentPlaying = false
                kinds.append(.agentAudioEnded)
            }
            state.marksDueNextTick = step.echoedMarks
            return (sent, step.played, kinds)
        }
    }
}
