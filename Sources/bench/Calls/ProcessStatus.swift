import Foundation
import SwitchboardCore

/// What /proc and getrusage say about a process at one moment.
struct ProcessStatus {
    let wallSeconds: Double
    let cpuSeconds: Double
    /// CPU of the children that have ended (the peer's tool processes).
    let childrenCPUSeconds: Double
    let residentBytes: Int
    let threads: Int

    static func read() -> ProcessStatus {
        func cpu(_ who: __rusage_who) -> Double {
            var usage = rusage()
            getrusage(who.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        return ProcessStatus(
            wallSeconds: Double(DispatchTime.now().uptimeNanoseconds) / 1e9, cpuSeconds: cpu(RUSAGE_SELF), childrenCPUSeconds: cpu(RUSAGE_CHILDREN),
            residentBytes: field("VmRSS", of: status) * 1024, threads: field("Threads", of: status))
    }

    /// Another process (the server under test, the mock), from /proc/PID; nil once it has gone.
    static func read(pid: pid_t) -> ProcessStatus? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let commandEnd = stat.lastIndex(of: ")") else { return nil }
        // After the command's closing parenthesis come fields 3 (state) on: utime is 14, stime 15.
        let fields = stat[stat.index(after: commandEnd)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return ProcessStatus(
            wallSeconds: Double(DispatchTime.now().uptimeNanoseconds) / 1e9, cpuSeconds: (user + system) / Double(sysconf(Int32(_SC_CLK_TCK))),
            childrenCPUSeconds: 0, residentBytes: field("VmRSS", of: status) * 1024, threads: field("Threads", of: status))
    }

    /// A number field of /proc/…/status (`VmRSS:   1234 kB` → 1234).
    private static func field(_ name: String, of status: String) -> Int {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
        return Int(line.split(whereSeparator: \.isWhitespace).dropFirst().first ?? "") ?? 0
    }
}

struct CallsReport {
    let calls: Int
    /// "in-process", or "processes" for the peer: every built-in node a tool process, as in a shell pipeline.
    let mode: String
    /// CPU of the whole run (children included) per second of call: comparable across modes.
    let wholeRunCPUPerCallSecond: Double
    /// Cores busy on average over the measurement window.
    let cores: Double
    /// Resident memory added by the calls.
    let residentBytes: Int
    let threads: Int
    let latencies: [Duration]
    let stalledTicks: Int

    static let header = "calls   mode         cores   CPU ms per call-s (whole run)   RSS added   per call   threads   turns   added latency p50 / p99   stalled feeds"

    var line: String {
        let ms = latencies.map(\.milliseconds).sorted()
        func percentile(_ p: Double) -> Double { ms.isEmpty ? .nan : ms[min(ms.count - 1, Int(Double(ms.count) * p))] }
        return String(format: "%5d   %-10@   %5.2f   %8.3f (%8.3f)             %7.1f MB   %5.0f KB   %7d   %5d   %8.2f ms / %6.2f ms   %d",
            calls, mode, cores, cores * 1000 / Double(calls), wholeRunCPUPerCallSecond * 1000, Double(residentBytes) / 1_048_576, Double(residentBytes) / 1024 / Double(calls),
            threads, ms.count, percentile(0.5), percentile(0.99), stalledTicks)
    }
}
