import Synchronization

/// The callers' side of every bench call at once: each 20 ms, one `media` message per live
/// call (its talking cycle while the bench says talk, line silence otherwise) and the marks
/// whose audio has played echoed. One task for all calls: a timer per call would cost the
/// bench more than the server it measures.
final class LineTicker: Sendable {
    enum Phase: Int { case silent, talking }

    private let script: CallerScript
    private let live = Mutex<[BenchLine]>([])
    private let talking = Atomic<Bool>(false)
    /// Ticks begun more than one tick late (the bench could not keep real time).
    let lateTicks = Atomic<Int>(0)

    init(script: CallerScript) { self.script = script }

    func add(_ line: BenchLine) { live.withLock { $0.append(line) } }

    var lines: [BenchLine] { live.withLock { $0 } }

    /// Takes every line out of the ticker (to hang them up).
    func removeAll() -> [BenchLine] { live.withLock { lines in defer { lines = [] }; return lines } }

    var phase: Phase {
        get { talking.load(ordering: .relaxed) ? .talking : .silent }
        set { talking.store(newValue == .talking, ordering: .relaxed) }
    }

    /// Runs until cancelled.
    func run() async {
        let clock = ContinuousClock()
        let tick = Duration.milliseconds(CallerScript.frameMs)
        let start = clock.now
        var number = 0
        // Ticks spent talking: a call's place in its talking cycle, so a call that starts
        // talking with offset 0 starts at the cycle's beginning.
        var talkTicks = 0
        while !Task.isCancelled {
            let now = clock.now
            if now - (start + tick * number) > tick { lateTicks.add(1, ordering: .relaxed) }
            let talking = phase == .talking
            for line in lines where !line.isClosed {
                let payload = talking ? script.talking[(talkTicks + line.cycleOffset) % script.talking.count] : script.silence
                do {
                    try await line.sendMedia(payload)
                    try await line.echoDueMarks(now: now)
                } catch {
                    line.markClosed(error)
                }
            }
            number += 1
            if talking { talkTicks += 1 }
            // Behind by more than a tick: go on at once (Twilio would send the late audio in a burst).
            try? await clock.sleep(until: start + tick * number)
        }
    }
}
