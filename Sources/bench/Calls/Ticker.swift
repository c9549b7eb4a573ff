import SwitchboardCore

/// The callers' side of the line: every 20 ms, one frame of each call's recording goes in,
/// as Twilio delivers them. One task for all calls (a timer per call would cost more than
/// the calls). A call whose first node is not keeping up is not fed that tick; it is counted.
struct Ticker {
    let calls: [BenchCall]
    let recording: CallerRecording
    let ramp: Duration

    func run() async {
        let clock = ContinuousClock()
        let start = clock.now
        let tick = Duration.milliseconds(CallerRecording.frameMs)
        // Call i starts at ramp × i / n, rounded to a tick, and then moves one step per tick.
        let firstTick = calls.indices.map { Int((ramp * Double($0) / Double(max(calls.count, 1))) / tick) }
        var positions = [Int](repeating: -1, count: calls.count)
        var tickNumber = 0
        var active = calls.count
        while active > 0 {
            for (index, call) in calls.enumerated() where tickNumber >= firstTick[index] && positions[index] < recording.steps.count {
                if positions[index] == -1 {
                    let start = Event("start", ["call": .string("CA\(call.id)"), "stream": .string("MZ\(call.id)"), "codec": "mulaw", "rate": 8000])
                    guard call.ring.inbound.offer(.event(start)) == .accepted else { continue }
                    positions[index] = 0
                }
                positions[index] = feed(call, from: positions[index])
                if positions[index] == recording.steps.count {
                    call.ring.inbound.finish()
                    active -= 1
                }
            }
            tickNumber += 1
            try? await clock.sleep(until: start + tick * tickNumber)
        }
    }

    /// Sends steps up to and including one audio frame; returns where the next tick goes on.
    private func feed(_ call: BenchCall, from position: Int) -> Int {
        var position = position
        while position < recording.steps.count {
            let frame: Frame
            switch recording.steps[position] {
            case .frame(let f): frame = f
            case .endOfTurn(let f):
                frame = f
                call.turnEnded.withLock { $0 = .now }
            }
            guard call.ring.inbound.offer(frame) == .accepted else {
                call.stalledTicks.add(1, ordering: .relaxed)
                return position
            }
            position += 1
            if frame.audio != nil { return position }
        }
        return position
    }
}
