import Foundation

/// A process over one measurement window.
struct ProcessSpan {
    let start: ProcessStatus
    let end: ProcessStatus
    /// Cores busy on average over the window.
    var cores: Double { (end.cpuSeconds - start.cpuSeconds) / max(end.wallSeconds - start.wallSeconds, 1e-9) }
}

/// One steady window of a run: N calls in one phase.
struct ServeWindow {
    let phase: String
    let server: ProcessSpan
    let mock: ProcessSpan
    let bench: ProcessSpan
    /// Agent turns the callers heard to their end within the window.
    let turns: Int
}

/// What one `bench serve` run measured (see `ServeBench`).
struct ServeReport {
    /// Issue 16's budget for one call, socket included, in steady state.
    static let budgetBytes = 2 * 1_048_576
    static let budgetCorePercent = 0.2

    let calls: Int
    /// The server after the warm-up calls have gone: the baseline.
    let idle: ProcessSpan
    let windows: [ServeWindow]
    /// The server a few seconds after every call hung up.
    let afterHangUp: ProcessStatus
    let clipsBefore: Int
    let clipsAfter: Int
    /// Calls whose socket ended before the bench hung up.
    let endedEarly: Int
    let lateTicks: Int

    static let header = "calls  phase                    server cores  % core/call   RSS MB  RSS added/call  threads  turns   mock cores  bench cores"

    func perCallBytes(_ window: ServeWindow) -> Double { Double(window.server.end.residentBytes - idle.end.residentBytes) / Double(calls) }
    func perCallCorePercent(_ window: ServeWindow) -> Double { window.server.cores * 100 / Double(calls) }

    var lines: [String] {
        var lines = [String(format: "%5d  %-22@  %12.3f  %11@  %7.1f  %14@  %7d  %5@  %11@  %11@",
            0, "idle (after warm-up)", idle.cores, "-", mb(idle.end.residentBytes), "-", idle.end.threads, "-", "-", "-")]
        for window in windows {
            lines.append(String(format: "%5d  %-22@  %12.3f  %10.3f%%  %7.1f  %11.0f KB  %7d  %5d  %11.3f  %11.3f",
                calls, window.phase, window.server.cores, perCallCorePercent(window), mb(window.server.end.residentBytes),
                perCallBytes(window) / 1024, window.server.end.threads, window.turns, window.mock.cores, window.bench.cores))
        }
        lines.append(String(format: "%5d  %-22@  %12@  %11@  %7.1f  %11.0f KB  %7d",
            0, "after hang-up (+5 s)", "-", "-", mb(afterHangUp.residentBytes),
            Double(afterHangUp.residentBytes - idle.end.residentBytes) / 1024 / Double(calls), afterHangUp.threads))
        let worstBytes = windows.map(perCallBytes).max() ?? 0
        let worstCPU = windows.map(perCallCorePercent).max() ?? 0
        lines.append(String(format: "       budget per call: %.0f KB of %.0f KB (%@), %.3f%% of %.1f%% of a core (%@)",
            worstBytes / 1024, Double(Self.budgetBytes) / 1024, worstBytes <= Double(Self.budgetBytes) ? "met" : "MISSED",
            worstCPU, Self.budgetCorePercent, worstCPU <= Self.budgetCorePercent ? "met" : "MISSED"))
        let clips = clipsAfter == clipsBefore ? "every answer a cache hit (\(clipsBefore) clips, none added)"
            : "\(clipsAfter - clipsBefore) clips synthesized during the calls (cache misses)"
        lines.append("       TTS cache: \(clips); calls ended early: \(endedEarly); bench ticks late: \(lateTicks)")
        return lines
    }

    private func mb(_ bytes: Int) -> Double { Double(bytes) / 1_048_576 }
}
