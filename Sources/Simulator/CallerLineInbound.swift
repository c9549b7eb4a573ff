import Foundation
import SwitchboardCore

/// What the server sends the caller: agent `media` into the playout buffer, `mark`s behind
/// it, `clear` dropping it. Other messages are ignored, as Twilio ignores what it does not know.
enum CallerLineInbound {
    static func handle(_ message: JSONObject, shared: CallerLine.Shared) {
        let ms = shared.ms
        let observed: [CallerLineEvent.Kind] = shared.state.withLock { state in
            switch message["event"]?.string {
            case "media":
                guard let text = message["media"]?.object?["payload"]?.string, let payload = Data(base64Encoded: text) else { return [] }
                state.agentBytesReceived += payload.count
                let idle = state.playout.bufferedBytes == 0
                if idle && state.callerSpokeSinceArrival { state.arrivals.turnEnded() }
                state.callerSpokeSinceArrival = false
                state.arrivals.arrived(atMs: ms, durationMs: Double(payload.count) / 8)
                state.playout.receive(audio: [UInt8](payload))
                return idle ? [.agentAudioArrived] : []
            case "mark":
                guard let name = message["mark"]?.object?["name"]?.string else { return [] }
                if name.hasSuffix(".end") { state.arrivals.turnEnded() }
                let echoed = state.playout.receive(mark: name)
                for name in echoed { shared.send(state.messages.mark(name), in: &state) }
                return echoed.map { .markEchoed($0) }
            case "clear":
                var kinds: [CallerLineEvent.Kind] = [.clearReceived]
                state.arrivals.turnEnded()
                if state.agentPlaying {
                    state.agentPlaying = false
                    kinds.append(.agentAudioEnded)
                }
                // Marks whose audio finished on the last tick are heard, then the cleared ones.
                let echoed = state.marksDueNextTick + state.playout.clear()
                state.marksDueNextTick = []
                for name in echoed { shared.send(state.messages.mark(name), in: &state) }
                return kinds + echoed.map { .markEchoed($0) }
            default:
                return []
            }
        }
        shared.record(observed, at: ms)
    }
}
