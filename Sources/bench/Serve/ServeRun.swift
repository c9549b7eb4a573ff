import Foundation

/// One measured run of `bench serve` (see `ServeBench`): a fresh mock and server, warm-up
/// calls, then `calls` calls through a silent, a talking and a silent-again window.
struct ServeRun {
    let calls: Int
    let window: Duration
    let ramp: Duration
    let script: CallerScript
    /// `ServeBenchConfiguration.template`.
    let graph: String
    /// The folder holding `switchboard` (the release build beside the bench).
    let binDirectory: String
    /// Keep the run's folder (configuration, logs, TTS cache) instead of removing it.
    let keepFiles: Bool
    /// Calls that fill the TTS cache and wake everything lazy before the baseline.
    let warmUpCalls = 4
    let progress: @Sendable (String) -> Void

    func measure() async throws -> ServeReport {
        let folder = NSTemporaryDirectory() + "switchboard-bench-serve-\(ProcessInfo.processInfo.processIdentifier)-\(calls)"
        try FileManager.default.createDirectory(atPath: folder + "/tts", withIntermediateDirectories: true)
        defer {
            if keepFiles { progress("kept \(folder) (serve.yaml, serve.log, mock.log, tts/)") } else { try? FileManager.default.removeItem(atPath: folder) }
        }
        let switchboard = binDirectory + "/switchboard"
        let mock = try BenchChild(name: "mock-providers", executable: switchboard,
            arguments: ["mock-providers", "--port", "0", "--transcripts", "Examples/transcripts.txt", "--replies", "Examples/replies.txt"],
            environment: [:], logPath: folder + "/mock.log")
        var server: BenchChild?
        let ticker = LineTicker(script: script)
        let ticking = Task { await ticker.run() }
        defer { ticking.cancel() }
        do {
            let configuration = ServeBenchConfiguration(
                mock: "http://127.0.0.1:\(try await mock.listeningPort())", cacheDirectory: folder + "/tts", maxCalls: calls + warmUpCalls,
                template: graph)
            let served = try BenchChild(name: "switchboard serve", executable: switchboard,
                arguments: ["serve", "--config", try configuration.write(into: folder), "--log-level", "notice"],
                environment: ServeBenchConfiguration.environment, logPath: folder + "/serve.log")
            server = served
            let media = "ws://127.0.0.1:\(try await served.listeningPort())/media"
            let report = try await measure(server: served, mock: mock, media: media, ticker: ticker, cache: folder + "/tts")
            await hangUpAll(ticker)
            try await stop(served)
            await mock.stop()
            return report
        } catch {
            await hangUpAll(ticker)
            if let server { await server.stop(grace: .seconds(2)) }
            await mock.stop(grace: .seconds(2))
            throw error
        }
    }

    private func measure(server: BenchChild, mock: BenchChild, media: String, ticker: LineTicker, cache: String) async throws -> ServeReport {
        let pids = Pids(server: server.pid, mock: mock.pid)

        progress("warm-up: \(warmUpCalls) calls, one talking cycle (\(script.cycleMs / 1000) s)")
        for id in 0..<warmUpCalls { ticker.add(try await connect(id: id, media: media, offset: 0)) }
        ticker.phase = .talking
        try await Task.sleep(for: .milliseconds(script.cycleMs) + .seconds(1))
        ticker.phase = .silent
        let warmUp = ticker.removeAll()
        let warmTurns = warmUp.reduce(0) { $0 + $1.snapshot.turnsHeard }
        for line in warmUp { await line.hangUp() }
        if warmTurns == 0 {
            progress("warning: the warm-up calls heard no answer (a graph without one?); the server's log ends:\n\(server.log.suffix(2000))")
        }
        try await Task.sleep(for: .seconds(5))
        let clipsBefore = Self.files(in: cache)
        let idle = try await pids.span(over: .seconds(5)).server

        progress("\(calls) calls: ramping up over \(ramp)")
        let spread = script.talking.count
        for index in 0..<calls {
            let started = ContinuousClock.now
            ticker.add(try await connect(id: warmUpCalls + index, media: media, offset: index * spread / calls))
            try await Task.sleep(until: started + ramp / calls, clock: .continuous)
        }
        let lines = ticker.lines
        func turnsHeard() -> Int { lines.reduce(0) { $0 + $1.snapshot.turnsHeard } }

        var windows: [ServeWindow] = []
        for (phase, name) in [(LineTicker.Phase.silent, "quiet (no turn yet)"), (.talking, "talking"), (.silent, "quiet (after turns)")] {
            ticker.phase = phase
            // Settle: talking reaches its steady mix within a line; answers under way finish.
            try await Task.sleep(for: .seconds(3) + (phase == .silent && !windows.isEmpty ? .milliseconds(script.cycleMs / 2) : .zero))
            progress("\(calls) calls: \(name), measuring \(window)")
            let turnsBefore = turnsHeard()
            let span = try await pids.span(over: window)
            windows.append(ServeWindow(phase: name, server: span.server, mock: span.mock, bench: span.bench,
                turns: turnsHeard() - turnsBefore,
                expectedTurns: phase == .talking && warmTurns > 0 ? Int((Double(calls) * (window / .milliseconds(script.cycleMs / script.linesPerCycle))).rounded()) : nil,
                threads: span.threads))
        }
        let endedEarly = lines.filter(\.isClosed).count
        await hangUpAll(ticker)
        try await Task.sleep(for: .seconds(5))
        guard let afterHangUp = ProcessStatus.read(pid: pids.server) else { throw BenchChildError("the server exited:\n\(server.log.suffix(3000))") }
        return ServeReport(calls: calls, idle: idle, windows: windows, afterHangUp: afterHangUp, clipsBefore: clipsBefore,
            clipsAfter: Self.files(in: cache), endedEarly: endedEarly, lateTicks: ticker.lateTicks.load(ordering: .relaxed))
    }

    private func connect(id: Int, media: String, offset: Int) async throws -> BenchLine {
        let line = try await BenchLine(id: id, url: media, cycleOffset: offset)
        try await line.start()
        return line
    }

    private func hangUpAll(_ ticker: LineTicker) async {
        for line in ticker.removeAll() { await line.hangUp() }
    }

    /// SIGTERM drains the (now empty) server; it should exit 0 at once.
    private func stop(_ server: BenchChild) async throws {
        let status = await server.stop()
        if status != 0 { progress("warning: switchboard serve exited with status \(status)") }
    }

    /// Regular files under `directory`: the TTS cache's clips.
    static func files(in directory: String) -> Int {
        let enumerator = FileManager.default.enumerator(at: URL(fileURLWithPath: directory), includingPropertiesForKeys: [.isRegularFileKey])
        var count = 0
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true { count += 1 }
        }
        return count
    }
}

/// The three processes a window looks at.
private struct Pids {
    let server: pid_t
    let mock: pid_t

    func span(over duration: Duration) async throws -> (server: ProcessSpan, mock: ProcessSpan, bench: ProcessSpan, threads: String) {
        let threads = ThreadCPU.read(pid: server)
        let start = try read()
        try await Task.sleep(for: duration)
        let end = try read()
        return (ProcessSpan(start: start.0, end: end.0), ProcessSpan(start: start.1, end: end.1), ProcessSpan(start: start.2, end: end.2),
                ThreadCPU.read(pid: server).summary(since: threads))
    }

    private func read() throws -> (ProcessStatus, ProcessStatus, ProcessStatus) {
        guard let server = ProcessStatus.read(pid: server) else { throw BenchChildError("switchboard serve has exited") }
        guard let mock = ProcessStatus.read(pid: mock) else { throw BenchChildError("mock-providers has exited") }
        return (server, mock, ProcessStatus.read())
    }
}
