import Foundation

/// A process's CPU time and resident memory, read from /proc (Linux).
struct ProcessUsage: Sendable {
    /// User + system CPU, seconds.
    var cpuSeconds: Double
    var residentBytes: Int

    static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
    static let pageBytes = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Nil if the process is gone or /proc cannot be read.
    static func read(pid: Int32) -> ProcessUsage? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let statm = try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name, which may hold spaces: state is field 3, utime 14, stime 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        let pages = statm.split(separator: " ")
        guard fields.count > 12, let utime = Double(fields[11]), let stime = Double(fields[12]),
              pages.count > 1, let resident = Int(pages[1]) else { return nil }
        return ProcessUsage(cpuSeconds: (utime + stime) / ticksPerSecond, residentBytes: resident * pageBytes)
    }
}

/// Samples a server's usage once a second with the number of calls live at that moment, to
/// give its cost per call when the load is steady.
actor ServerSampler {
    struct Sample {
        var seconds: Double
        var usage: ProcessUsage
        var live: Int
    }

    let pid: Int32
    private var samples: [Sample] = []
    private let started = ContinuousClock.now
    let idle: ProcessUsage?

    init(pid: Int32) {
        self.pid = pid
        idle = ProcessUsage.read(pid: pid)
    }

    func sample(live: Int) {
        guard let usage = ProcessUsage.read(pid: pid) else { return }
        let elapsed = ContinuousClock.now - started
        samples.append(Sample(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, usage: usage, live: live))
    }

    /// Over the seconds when at least 90 % of the peak were live: CPU (share of one core) and
    /// memory growth over the idle server, each divided by the calls live.
    func usage(peak: Int) -> ServerUsage? {
        guard let idle, peak > 0 else { return nil }
        let threshold = max(1, Int((Double(peak) * 0.9).rounded(.down)))
        var cpu = 0.0, wall = 0.0, callSeconds = 0.0
        var memoryPerCall: [Double] = []
        for (earlier, later) in zip(samples, samples.dropFirst()) where earlier.live >= threshold && later.live >= threshold {
            let span = later.seconds - earlier.seconds
            cpu += later.usage.cpuSeconds - earlier.usage.cpuSeconds
            wall += span
            callSeconds += span * Double(earlier.live + later.live) / 2
            memoryPerCall.append(Double(later.usage.residentBytes - idle.residentBytes) / Double(later.live))
        }
        guard wall > 0, callSeconds > 0 else { return nil }
        let peakResident = samples.map(\.usage.residentBytes).max() ?? idle.residentBytes
        return ServerUsage(pid: pid, cpuPercentPerCall: cpu / callSeconds * 100,
                           kilobytesPerCall: memoryPerCall.max().map { $0 / 1024 } ?? 0,
                           peakResidentMB: Double(peakResident) / 1_048_576)
    }
}
