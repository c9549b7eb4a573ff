import Channels
import Logging
import Synchronization
import SwitchboardCore

/// How a live call ends from our side, and the caller-silence timers.
///
/// `llm-stream` asks for a hang-up or a transfer with an event; it acts once the audio before
/// it has been heard (`TwilioPlayout`), through Twilio's REST API when credentials are
/// configured, else by closing the stream, after which Twilio asks `<Connect action>` what to
/// do (`AfterStreamActions`). A caller silent for `idlePrompt` hears the idle prompt (an `idle`
/// event into the graph, which `llm-stream` answers); silent for `idleHangup`, the call ends.
final class CallControl: Sendable {
    enum Ending: Sendable, Equatable {
        case hangUp(reason: String)
        case transfer(to: String)
    }

    /// What the control needs from the call around it.
    struct Hooks: Sendable {
        /// Sends a frame into the graph's first node.
        var inject: @Sendable (Frame) async -> Void
        /// Closes the call's socket (Twilio then ends `<Connect>`).
        var closeSocket: @Sendable (String) async -> Void
    }

    private struct State {
        var ending: Ending?
        var lastActivity = ContinuousClock.now
        var prompted = false
    }

    let callSID: String
    private let settings: ServeConfiguration
    private let playout: TwilioPlayout
    private let calls: (any CallUpdating)?
    private let afterStream: AfterStreamActions
    private let counters: ServerCounters
    private let hooks: Hooks
    private let logger: Logger
    private let state = Mutex(State())
    private let endings = BoundedChannel<Ending>(limits: .init(count: 4))

    init(callSID: String, settings: ServeConfiguration, playout: TwilioPlayout, calls: (any CallUpdating)?,
         afterStream: AfterStreamActions, counters: ServerCounters, hooks: Hooks, logger: Logger) {
        self.callSID = callSID
        self.settings = settings
        self.playout = playout
        self.calls = calls
        self.afterStream = afterStream
        self.counters = counters
        self.hooks = hooks
        self.logger = logger
    }

    var isEnding: Bool { state.withLock { $0.ending != nil } }

    /// An event left the graph: a request to end, or a sign of life.
    func graphSent(_ event: Event) {
        switch event.type {
        case "hangup": request(.hangUp(reason: event["reason"]?.string ?? "agent"))
        case "transfer":
            guard let target = event["to"]?.string ?? settings.transferTo else {
                logger.error("transfer without a target (no \"to\" and no transfer_to in the config): hanging up instead")
                request(.hangUp(reason: "transfer without a target"))
                return
            }
            request(.transfer(to: target))
        // The caller spoke. (A turn the agent begins by itself — the greeting, the idle
        // prompt — has no caller text and is no sign of the caller.)
        case "vad", "transcript":
            callerActive()
        case "response.start":
            if (event["text"]?.string ?? "").isEmpty { agentActive() } else { callerActive() }
        default: break
        }
    }

    private func callerActive() {
        state.withLock {
            $0.lastActivity = .now
            $0.prompted = false
        }
    }

    /// The agent is speaking, or has just finished: silence is counted from then — but not
    /// from the idle prompt, so that the hang-up comes `idleHangup` after the caller went quiet.
    func agentActive() {
        state.withLock { if !$0.prompted { $0.lastActivity = .now } }
    }

    private func request(_ ending: Ending) {
        let first = state.withLock { state -> Bool in
            guard state.ending == nil else { return false }
            state.ending = ending
            return true
        }
        if first { _ = endings.offer(ending) }
    }

    /// Runs for the call's life: acts on the first ending asked for, and keeps the idle timers.
    func run() async {
        let limits = settings.limits
        while !Task.isCancelled {
            await wakeUp(within: idleWait(limits))
            // The state, not the wake-up, says whether an ending was asked for: a wake-up
            // taken just as the timer fired is lost with its task.
            if let ending = state.withLock({ $0.ending }) {
                await act(on: ending)
                return
            }
            guard !Task.isCancelled else { return }
            let silent = ContinuousClock.now - state.withLock { $0.lastActivity }
            guard playout.isQuiet else { continue }
            if let hangup = limits.idleHangupSeconds, silent >= .seconds(hangup) {
                counters.idleHangups.increment()
                request(.hangUp(reason: "idle"))
            } else if let prompt = limits.idlePromptSeconds, silent >= .seconds(prompt), !state.withLock({ $0.prompted }) {
                state.withLock { $0.prompted = true }
                counters.idlePrompts.increment()
                await hooks.inject(.event(Event("idle", ["silent_ms": .int(Int(silent / .milliseconds(1))), "say": .string(limits.idlePrompt)])))
            }
        }
    }

    /// How long to sleep before the idle timers need a look.
    private func idleWait(_ limits: CallLimits) -> Duration {
        let (last, prompted) = state.withLock { ($0.lastActivity, $0.prompted) }
        var next = ContinuousClock.now + .seconds(60)
        if let prompt = limits.idlePromptSeconds, !prompted { next = min(next, last + .seconds(prompt)) }
        if let hangup = limits.idleHangupSeconds { next = min(next, last + .seconds(hangup)) }
        return max(next - .now, .milliseconds(250))
    }

    /// Returns when an ending is asked for, or after `limit`.
    private func wakeUp(within limit: Duration) async {
        await withTaskGroup(of: Void.self) { race in
            race.addTask { _ = await self.endings.nextBatch() }
            race.addTask { try? await Task.sleep(for: limit) }
            await race.next()
            race.cancelAll()
        }
    }

    private func act(on ending: Ending) async {
        await playout.waitUntilHeard(grace: .seconds(settings.limits.markGraceSeconds))
        let metadata: Logger.Metadata = ["call": "\(callSID)"]
        switch ending {
        case .hangUp(let reason):
            counters.agentHangups.increment()
            logger.info("hanging up (\(reason))", metadata: metadata)
            if let calls {
                do { try await calls.hangUpCall(callSID) } catch {
                    logger.error("hang-up through the REST API failed, closing the stream instead: \(error)", metadata: metadata)
                }
            }
        case .transfer(let target):
            counters.transfers.increment()
            logger.info("transferring to \(target)", metadata: metadata)
            // Whichever way Twilio learns of it, the caller is dialled through: should the
            // stream's close reach Twilio first, `<Connect action>` answers `<Dial>` too.
            afterStream.transfer(callSID: callSID, to: target)
            if let calls {
                do { try await calls.transferCall(callSID, to: target) } catch {
                    logger.error("transfer through the REST API failed, closing the stream with a <Dial> to follow: \(error)", metadata: metadata)
                }
            }
        }
        await hooks.closeSocket("call ended by the agent")
    }
}
