import ArgumentParser
import Foundation
import Providers

/// Many concurrent Server-Sent-Event streams held by one client process: how long each event
/// takes from the server's write to the reading task, and memory per stream.
struct SSEStreamsBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sse",
        abstract: "Concurrent SSE streams through the libcurl client (server: scripts/sse-server.py).")

    @Option(help: "Port of scripts/sse-server.py on 127.0.0.1.") var port: Int
    @Option(help: "Concurrent streams.") var streams = 1000

    func run() async throws {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        limit.rlim_cur = min(limit.rlim_max, 65536)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)

        let client = HTTPClient()
        let baseline = residentKiB()
        let peak = PeakMemory()
        let sampler = Task {
            while !Task.isCancelled {
                peak.record(residentKiB())
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
        let start = ContinuousClock.now
        let delays = try await withThrowingTaskGroup(of: [Double].self) { group in
            for n in 0..<streams {
                group.addTask {
                    let response = try await client.execute(
                        HTTPRequest(url: "http://127.0.0.1:\(port)/stream/\(n)", timeouts: .init(connect: .seconds(30))))
                    var delays: [Double] = []
                    for try await event in SSEStream(response.body) {
                        let now = monotonicNanoseconds()
                        guard let sent = event.data.split(separator: " ").last.flatMap({ UInt64($0) }) else { continue }
                        delays.append(Double(now - min(now, sent)) / 1e6)
                    }
                    return delays
                }
            }
            return try await group.reduce(into: [Double]()) { $0 += $1 }
        }
        sampler.cancel()
        let elapsed = ContinuousClock.now - start
        let sorted = delays.sorted()
        func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        let perStream = Double(peak.value - baseline) / Double(streams)
        print(String(format: "sse    %d streams, %d events in %.1f s: delivery delay p50 %.2f ms, p99 %.2f ms, max %.2f ms; memory %.1f KiB per stream (peak RSS %d MiB)",
            streams, sorted.count, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            percentile(0.5), percentile(0.99), sorted.last ?? 0, perStream, peak.value / 1024))
    }
}

/// CLOCK_MONOTONIC, the clock scripts/sse-server.py stamps events with.
func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

/// Resident set size of this process, from /proc.
func residentKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
    else { return 0 }
    return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
}

final class PeakMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var peak = 0
    var value: Int { lock.withLock { peak } }
    func record(_ kib: Int) { lock.withLock { peak = max(peak, kib) } }
}
