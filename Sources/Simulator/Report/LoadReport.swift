/// What a load run (`--calls N --concurrency C`) showed, over every call.
public struct LoadReport: Sendable, Codable, Equatable {
    public var calls: Int
    public var passed: Int
    public var failed: Int
    /// Most calls live at once, as reached (not as asked).
    public var peakConcurrency: Int
    public var wallSeconds: Double
    /// Caller-measured turn latency over every answered turn (greetings left out), ms.
    public var latency: Percentiles
    /// The server's own overhead per turn (latency not spent in a stage or endpointing), ms.
    public var overhead: Percentiles?
    /// Barge-in reaction (speech onset → clear), ms.
    public var bargeIn: Percentiles?
    public var falseInterruptions: Int
    public var missedInterruptions: Int
    /// Outbound audio jitter over every call's frames, ms.
    public var jitterP99Ms: Double
    public var underruns: Int
    /// Distinct failure reasons and how many calls had each.
    public var errors: [String: Int]
    /// The server's CPU (share of one core) and memory per live call, from /proc, when its
    /// pid was given.
    public var server: ServerUsage?
    /// The same for this simulator process: its callers' cost, on the same cores.
    public var simulator: ServerUsage?

    public init(calls: Int, passed: Int, failed: Int, peakConcurrency: Int, wallSeconds: Double, latency: Percentiles,
                overhead: Percentiles? = nil, bargeIn: Percentiles? = nil, falseInterruptions: Int = 0, missedInterruptions: Int = 0,
                jitterP99Ms: Double = 0, underruns: Int = 0, errors: [String: Int] = [:], server: ServerUsage? = nil, simulator: ServerUsage? = nil) {
        self.calls = calls
        self.passed = passed
        self.failed = failed
        self.peakConcurrency = peakConcurrency
        self.wallSeconds = wallSeconds
        self.latency = latency
        self.overhead = overhead
        self.bargeIn = bargeIn
        self.falseInterruptions = falseInterruptions
        self.missedInterruptions = missedInterruptions
        self.jitterP99Ms = jitterP99Ms
        self.underruns = underruns
        self.errors = errors
        self.server = server
        self.simulator = simulator
    }
}

public struct Percentiles: Sendable, Codable, Equatable {
    public var count: Int
    public var p50: Double
    public var p95: Double
    public var p99: Double
    public var max: Double

    public init(count: Int = 0, p50: Double = 0, p95: Double = 0, p99: Double = 0, max: Double = 0) {
        self.count = count
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
        self.max = max
    }

    /// Nearest-rank percentiles of `values` (empty: all zero).
    public init(_ values: [Double]) {
        let sorted = values.sorted()
        func rank(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let index = Int((p * Double(sorted.count)).rounded(.up)) - 1
            return sorted[min(sorted.count - 1, Swift.max(0, index))]
        }
        self.init(count: sorted.count, p50: rank(0.50), p95: rank(0.95), p99: rank(0.99), max: sorted.last ?? 0)
    }
}

public struct ServerUsage: Sendable, Codable, Equatable {
    public var pid: Int32
    /// Share of one core used by the server over the run's busiest window, per live call (%).
    public var cpuPercentPerCall: Double
    /// Resident memory growth over the idle server, per live call (KB).
    public var kilobytesPerCall: Double
    public var peakResidentMB: Double

    public init(pid: Int32, cpuPercentPerCall: Double, kilobytesPerCall: Double, peakResidentMB: Double) {
        self.pid = pid
        self.cpuPercentPerCall = cpuPercentPerCall
        self.kilobytesPerCall = kilobytesPerCall
        self.peakResidentMB = peakResidentMB
    }
}
