import Resilience

/// The wall-clock half of barge-in: caller speech over the agent that no later media time
/// decides is judged when `--barge-in-ms` have passed on the stage's clock.
///
/// The deadline is kept here and checked by the loop before every input it handles, so an
/// input that arrives after the deadline is judged after the timer, whichever task ran first;
/// the sleeping task only wakes the loop when nothing else arrives. Re-arming or disarming
/// cancels the task, so no stale timers pile up over a call.
struct BargeInTimer {
    private(set) var deadline: Duration?
    private var sleeper: Task<Void, Never>?

    /// Starts (or restarts) the timer: due `after` from now.
    mutating func arm(after wait: Duration, clock: any ResilienceClock, inbox: ConversationInbox) {
        sleeper?.cancel()
        deadline = clock.now() + wait
        sleeper = Task {
            guard (try? await clock.sleep(for: wait)) != nil else { return }
            try? await inbox.post(.bargeInTimerDue)
        }
    }

    mutating func disarm() {
        sleeper?.cancel()
        sleeper = nil
        deadline = nil
    }

    /// True once when the deadline has passed (and disarms).
    mutating func takeIfDue(now: Duration) -> Bool {
        guard let deadline, now >= deadline else { return false }
        disarm()
        return true
    }
}
