import Foundation

/// A process's CPU per kind of thread, from /proc/PID/task/*/stat: where a call's CPU goes
/// without a profiler (NIO event loops for sockets, the Swift cooperative pool for the graph,
/// Dispatch's overcommit threads, named C-library threads). Threads are grouped by name with
/// digits folded (`NIO-ELT-0-#1` → `NIO-ELT-#-##`), so each group is one kind.
struct ThreadCPU {
    /// Group → (threads, CPU seconds).
    let groups: [String: (threads: Int, seconds: Double)]

    static func read(pid: pid_t) -> ThreadCPU {
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        var groups: [String: (threads: Int, seconds: Double)] = [:]
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        for task in tasks {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { continue }
            let name = String(stat[stat.index(after: open)..<close].map { $0.isNumber ? "#" : $0 })
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { continue }
            groups[name, default: (0, 0)].threads += 1
            groups[name, default: (0, 0)].seconds += (user + system) / ticks
        }
        return ThreadCPU(groups: groups)
    }

    /// The CPU each group used since `earlier`, busiest first, as shares of the total:
    /// `oot.default-qos ×2 62%, NIO-ELT-#-## ×2 31%, …`.
    func summary(since earlier: ThreadCPU) -> String {
        let used = groups.map { name, now in (name, now.threads, now.seconds - (earlier.groups[name]?.seconds ?? 0)) }
        let total = max(used.reduce(0) { $0 + $1.2 }, 1e-9)
        return used.filter { $0.2 > 0 }.sorted { $0.2 > $1.2 }.prefix(6)
            .map { String(format: "%@ ×%d %.0f%%", $0.0, $0.1, $0.2 * 100 / total) }.joined(separator: ", ")
    }
}
