import Resilience
import SwitchboardCore

/// Plays the queue out: sends its frames to the output, audio no more than `lead` ahead of
/// real time, so that what an interrupt cancels has mostly not been sent yet.
///
/// Runs as a child task of the stage's `run`: cancelling the stage cancels it, and it ends
/// when the queue is finished and empty. It takes one frame at a time, so an urgent frame
/// waits at most for the audio frame being held back (one frame's duration).
struct Pacer: Sendable {
    let lead: Duration
    let clock: any ResilienceClock

    func run(from queue: PlayoutQueue, to output: some FrameSink) async throws {
        var timeline = PlayoutTimeline(lead: lead)
        while true {
            guard let entry = await queue.entries.nextBatch(max: 1).first else {
                // Empty: finished and drained, or cancelled while waiting.
                try Task.checkCancellation()
                return
            }
            if entry.isUrgent {
                try await output.send(entry.frame)
                continue
            }
            if case .audio(let audio) = entry.frame {
                let wait = timeline.waitBeforeSending(at: clock.now())
                if wait > .zero { try await clock.sleep(for: wait) }
                // An interrupt may have come while this frame was held back.
                if queue.isInterrupted(audio.turn) { continue }
                try await output.send(entry.frame)
                timeline.sent(audio.duration)
            } else if !queue.isInterrupted(entry.frame.turn) {
                try await output.send(entry.frame)
            }
        }
    }
}

extension AudioFrame {
    /// How long the frame takes to play, to the nanosecond (a 20 ms frame is exactly 20 ms).
    fileprivate var duration: Duration {
        rate > 0 ? .nanoseconds(Int64(sampleCount) * 1_000_000_000 / Int64(rate)) : .zero
    }
}
