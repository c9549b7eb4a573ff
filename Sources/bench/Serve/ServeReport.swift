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
    /// While talking: the caller lines said in the window, each of which should get an answer;
    /// far fewer answers heard means the server is behind.
    let expectedTurns: Int?
    /// The server's CPU by kind of thread over the window (`ThreadCPU.summary`).
    let threads: String
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

    static let header = row(["calls", "phase", "server cores", "% core/call", "RSS MB", "RSS added/call", "RSS in window", "threads", "turns", "mock cores", "bench cores"])

    func perCallBytes(_ window: ServeWindow) -> Double { Double(window.server.end.residentBytes - idle.end.residentBytes) / Double(calls) }
    func perCallCorePercent(_ window: ServeWindow) -> Double { window.server.cores * 100 / Double(calls) }

    var lines: [String] {
        var lines = [Self.row(["0", "idle (after warm-up)", f("%.3f", idle.cores), "-", f("%.1f", mb(idle.end.residentBytes)), "-",
            f("%+.1f MB", mb(idle.end.residentBytes - idle.start.residentBytes)), "\(idle.end.threads)", "-", "-", "-"])]
        for window in windows {
            lines.append(Self.row(["\(calls)", window.phase, f("%.3f", window.server.cores), f("%.3f%%", perCallCorePercent(window)),
                f("%.1f", mb(window.server.end.residentBytes)), f("%.0f KB", perCallBytes(window) / 1024),
                f("%+.1f MB", mb(window.server.end.residentBytes - window.server.start.residentBytes)), "\(window.server.end.threads)",
                window.expectedTurns.map { "\(window.turns)/\($0)" } ?? "\(window.turns)", f("%.3f", window.mock.cores), f("%.3f", window.bench.cores)]))
        }
        lines.append(Self.row(["0", "after hang-up (+5 s)", "-", "-", f("%.1f", mb(afterHangUp.residentBytes)),
            f("%.0f KB", Double(afterHangUp.residentBytes - idle.end.residentBytes) / 1024 / Double(calls)), "-", "\(afterHangUp.threads)", "-", "-", "-"]))
        let worstBytes = windows.map(perCallBytes).max() ?? 0
        let worstCPU = windows.map(perCallCorePercent).max() ?? 0
        lines.append(f("       budget per call at %d calls: %.0f KB of %.0f KB (%@), %.3f%% of %.1f%% of a core (%@)",
            calls, worstBytes / 1024, Double(Self.budgetBytes) / 1024, worstBytes <= Double(Self.budgetBytes) ? "met" : "MISSED",
            worstCPU, Self.budgetCorePercent, worstCPU <= Self.budgetCorePercent ? "met" : "MISSED"))
        if let behind = windows.first(where: isBehind) {
            lines.append("       SERVER BEHIND from \"\(behind.phase)\" on (answers missing or RSS growing while measured): its CPU is what it got, not what the calls need")
        }
        for window in windows { lines.append("       server CPU by thread, \(window.phase): \(window.threads)") }
        let clips = clipsAfter == clipsBefore ? "every answer a cache hit (\(clipsBefore) clips, none added)"
            : "\(clipsAfter - clipsBefore) clips synthesized during the calls (cache misses)"
        lines.append("       turns: answers heard to their end in the window / caller lines said in it (talking); RSS in window: growth while measured (a backlog when quiet)")
        lines.append("       TTS cache: \(clips); calls ended early: \(endedEarly); bench ticks late: \(lateTicks)")
        return lines
    }

    /// Fewer than half the answers heard, or memory growing by more than 16 KB a call in a
    /// window (the steady state allocates nothing per call).
    private func isBehind(_ window: ServeWindow) -> Bool {
        let growth = window.server.end.residentBytes - window.server.start.residentBytes
        let unanswered = window.expectedTurns.map { window.turns * 2 < $0 } ?? false
        return unanswered || (window.expectedTurns == nil && growth > calls * 16 * 1024)
    }

    /// Right-aligned columns, the phase left-aligned.
    private static let widths = [5, -22, 12, 11, 7, 14, 13, 7, 9, 10, 11]
    private static func row(_ cells: [String]) -> String {
        zip(cells, widths).map { cell, width in
            let padding = String(repeating: " ", count: max(0, abs(width) - cell.count))
            return width < 0 ? cell + padding : padding + cell
        }.joined(separator: "  ")
    }

    private func f(_ format: String, _ arguments: any CVarArg...) -> String { String(format: format, arguments: arguments) }
    private func mb(_ bytes: Int) -> Double { Double(bytes) / 1_048_576 }
}
