import Foundation
import Logging
import Server
import StageOptions
import Supervisor
import Testing

/// Every suite that runs a server, one after another: each plays calls in real time, and
/// several at once on a shared test machine miss their timing.
@Suite(.serialized) enum ServeSuites {}

/// A `switchboard serve` in the test process on 127.0.0.1 (a free port), for the duration of
/// `body`, which gets the server and its base URL (`http://127.0.0.1:PORT`).
func withServer<T: Sendable>(
    _ configuration: ServeConfiguration, calls: (any CallUpdating)? = nil, resources: SharedResources = TestResources.shared,
    logLevel: Logger.Level = .warning,
    _ body: (SwitchboardServer, String) async throws -> T
) async throws -> T {
    var configuration = configuration
    configuration.listen = HostAndPort(host: "127.0.0.1", port: 0)
    var logger = Logger(label: "test.serve")
    logger.logLevel = logLevel
    let graphs = CallGraphs(configuration: configuration, resources: resources, logger: logger)
    let server = SwitchboardServer(context: ServerContext(configuration: configuration, graphs: graphs, calls: calls, logger: logger))
    return try await server.serving { base in try await body(server, base) }
}

/// One set of process-wide resources for every server a test starts, as in a real process.
enum TestResources {
    static let shared = SharedResources()
}

/// The repository's root (for Examples/).
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

extension String {
    /// `http://host:port` → `ws://host:port/media`.
    var mediaURL: String { replacingOccurrences(of: "http://", with: "ws://") + "/media" }
}

/// True once `condition` holds (checked every 20 ms), false after `timeout`.
func eventually(timeout: Duration = .seconds(60), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}
