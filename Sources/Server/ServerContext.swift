import Logging
import Synchronization

/// What every route and call of one `switchboard serve` process shares: built once at start.
public struct ServerContext: Sendable {
    public let configuration: ServeConfiguration
    public let graphs: CallGraphs
    public let registry: CallRegistry
    public let metrics: ServeMetrics
    public let counters: ServerCounters
    /// Twilio's REST API, when credentials are configured.
    let calls: (any CallUpdating)?
    let afterStream = AfterStreamActions()
    /// The port actually bound (`listen` may ask for port 0).
    let boundPort = BoundPort()
    public let logger: Logger

    public init(configuration: ServeConfiguration, graphs: CallGraphs, calls: (any CallUpdating)?, metrics: ServeMetrics = ServeMetrics(), logger: Logger) {
        self.configuration = configuration
        self.graphs = graphs
        self.registry = CallRegistry(maxCalls: configuration.limits.maxCalls)
        self.metrics = metrics
        self.counters = ServerCounters(metrics)
        self.calls = calls
        self.logger = logger
    }

    /// The public base URL (`https://host`), without a trailing slash.
    var publicURL: String {
        let listen = configuration.listen
        var url = configuration.publicURL ?? "http://\(listen.host):\(boundPort.value ?? listen.port)"
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// The `<Stream url>`: the public URL as `wss://` (`ws://` for plain http) + `/media`.
    var streamURL: String {
        let url = publicURL
        if url.hasPrefix("https://") { return "wss://" + url.dropFirst("https://".count) + "/media" }
        if url.hasPrefix("http://") { return "ws://" + url.dropFirst("http://".count) + "/media" }
        return url + "/media"
    }
}

/// Set once the server is listening.
final class BoundPort: Sendable {
    private let port = Atomic(-1)
    var value: Int? {
        let port = port.load(ordering: .relaxed)
        return port < 0 ? nil : port
    }
    func set(_ value: Int) { port.store(value, ordering: .relaxed) }
}
