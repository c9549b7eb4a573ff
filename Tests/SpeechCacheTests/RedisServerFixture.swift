import Foundation
import Synchronization

@testable import SpeechCache

/// A real redis-server of a test's own: a free port on loopback, no persistence, a scratch
/// directory. `kill()` and `start()` again on the same port stand for an outage; `stop()`
/// (also run by `deinit`, so a failing test leaves no server behind) kills it and removes the
/// directory.
///
/// A missing redis-server fails the test with what to do about it rather than skipping:
/// a silently skipped test would pass on a machine that never ran it.
final class RedisServerFixture: Sendable {
    let port: Int
    let password: String?
    let directory: URL
    private let executable: String
    private let process = Mutex<Process?>(nil)

    init(password: String? = nil) throws {
        guard let executable = Self.find("redis-server") else {
            throw FixtureError("redis-server is not installed (not on PATH): run ./scripts/install-deps.sh")
        }
        self.executable = executable
        self.password = password
        port = try Self.freePort()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("redis-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try start()
    }

    deinit { stop() }

    var url: String { password.map { "redis://:\($0)@127.0.0.1:\(port)" } ?? "redis://127.0.0.1:\(port)" }

    /// Starts the server (again) and returns once it answers `PING`.
    func start() throws {
        var arguments = ["--port", "\(port)", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", directory.path, "--logfile", directory.appendingPathComponent("redis.log").path,
            "--enable-debug-command", "yes"]
        if let password { arguments += ["--requirepass", password] }
        let server = Process()
        server.executableURL = URL(fileURLWithPath: executable)
        server.arguments = arguments
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        process.withLock { $0 = server }

        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if (try? connection().send(RedisCommand("PING"))) == .status("PONG") { return }
            guard server.isRunning else { throw FixtureError("redis-server exited at start (status \(server.terminationStatus))") }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw FixtureError("redis-server on port \(port) did not answer PING within 5 s")
    }

    /// SIGKILL, as a crash or an outage would: no goodbye to connected clients.
    func kill() {
        guard let server = process.withLock({ process in defer { process = nil }; return process }) else { return }
        if server.isRunning { Foundation.kill(server.processIdentifier, SIGKILL) }
        server.waitUntilExit()
    }

    func stop() {
        kill()
        try? FileManager.default.removeItem(at: directory)
    }

    /// A connection of the test's own, beside the store's: to inspect and garble keys.
    func connection(commandTimeout: Duration = .seconds(5)) throws -> RedisConnection {
        try RedisConnection(url: RedisURL(url), connectTimeout: .seconds(1), commandTimeout: commandTimeout)
    }

    func command(_ words: String...) throws -> RedisReply {
        try connection().send(RedisCommand(arguments: words.map { Array($0.utf8) }))
    }

    /// Runs `redis-cli -p PORT arguments…` without waiting for it (`DEBUG SLEEP` from outside).
    func launchCLI(_ arguments: String...) throws -> Process {
        guard let cli = Self.find("redis-cli") else {
            throw FixtureError("redis-cli is not installed (not on PATH): run ./scripts/install-deps.sh")
        }
        let client = Process()
        client.executableURL = URL(fileURLWithPath: cli)
        client.arguments = ["-p", "\(port)"] + (password.map { ["-a", $0, "--no-auth-warning"] } ?? []) + arguments
        client.standardOutput = FileHandle.nullDevice
        client.standardError = FileHandle.nullDevice
        try client.run()
        return client
    }

    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return (path.split(separator: ":").map { "\($0)/\(name)" } + ["/usr/bin/\(name)", "/usr/local/bin/\(name)"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A port nobody listens on: bound to 0, read back, released.
    static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw FixtureError("socket() failed") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(socket, address, length) == 0 && getsockname(socket, address, &length) == 0
            }
        }
        guard bound else { throw FixtureError("could not find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
