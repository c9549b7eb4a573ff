import Foundation

/// A process the serve bench starts (`switchboard mock-providers`, `switchboard serve`), its
/// stderr in a file (a pipe nobody reads would fill and stall it), ended with SIGTERM.
final class BenchChild {
    let name: String
    let logPath: String
    private let process = Process()

    init(name: String, executable: String, arguments: [String], environment: [String: String], logPath: String) throws {
        self.name = name
        self.logPath = logPath
        FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try process.run()
    }

    var pid: pid_t { process.processIdentifier }

    /// The port of the child's "listening on …127.0.0.1:PORT" line, once it has logged it.
    func listeningPort(timeout: Duration = .seconds(30)) async throws -> Int {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw BenchChildError("\(name) exited (status \(process.terminationStatus)):\n\(log)") }
            if let port = Self.port(in: log) { return port }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchChildError("\(name) did not say where it listens within \(timeout):\n\(log)")
    }

    static func port(in log: String) -> Int? {
        guard let line = log.split(separator: "\n").first(where: { $0.contains("listening on") }),
              let address = line.range(of: "127.0.0.1:") else { return nil }
        return Int(line[address.upperBound...].prefix(while: \.isNumber))
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// SIGTERM, and SIGKILL when it has not gone within `grace`; returns the exit status.
    @discardableResult
    func stop(grace: Duration = .seconds(10)) async -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        kill(pid, SIGTERM)
        let deadline = ContinuousClock.now + grace
        while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
        return process.terminationStatus
    }
}

struct BenchChildError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
