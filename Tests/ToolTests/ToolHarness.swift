import Foundation

/// Runs the built executables through real pipes, as a shell user would.
private let scratchPath = NSTemporaryDirectory() + "switchboard-tool-tests-\(getpid())"

enum Tools {
    /// The folder holding the built products (the test bundle lives beside them).
    static let binDirectory: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: exe).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("mulaw-decode").path), url.path != "/" {
            url.deleteLastPathComponent()
        }
        return url.path
    }()

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Files the tests write; removed when the test process exits.
    static let scratch: String = {
        try? FileManager.default.createDirectory(atPath: scratchPath, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: scratchPath) }
        return scratchPath
    }()

    struct Result {
        let status: Int32
        let stdout: Data
        let stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
        var lines: [String] { text.split(separator: "\n").map(String.init) }
        /// stdout parsed as JSON lines.
        var json: [[String: Any]] { lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] } }
    }

    /// Runs a shell pipeline with the built tools first on PATH; `pipefail` makes the status
    /// that of the first stage that failed. The waiting happens on a Dispatch thread: blocked
    /// here, one of Swift's two cooperative threads would stall every other test meanwhile.
    static func sh(_ pipeline: String, stdin: Data? = nil) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Swift.Result<Tools.Result, any Error> { try shBlocking(pipeline, stdin: stdin) })
            }
        }
    }

    private static func shBlocking(_ pipeline: String, stdin: Data?) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-o", "pipefail", "-c", pipeline]
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = binDirectory + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: repository)
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Read both pipes concurrently so neither fills up and blocks the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var stdoutData = Data()
        nonisolated(unsafe) var stderrData = Data()
        group.enter()
        DispatchQueue.global().async { stdoutData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { stderrData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: stdoutData, stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
