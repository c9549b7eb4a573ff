import Foundation

/// Runs the commands of one document as a reader would, one after the other in a new bash each
/// (`pipefail` on), from the repository root with the built tools first on PATH, stdin empty.
/// Each must exit 0 within `timeout` seconds. A command ending in `&` is a server: it runs in the
/// background until the next one or the end of the document, then gets SIGINT.
struct ExampleRunner {
    struct Failure: CustomStringConvertible {
        let document: String, command: String, reason: String
        var description: String { "\(document): `\(command)`\n\(reason)" }
    }

    var timeout = 120
    private(set) var ran = 0
    private(set) var skipped: [String] = []
    private(set) var failures: [Failure] = []

    mutating func run(_ document: DocumentedExamples.Document) async throws {
        var server: Server?
        for command in document.commands {
            if command.contains(ExampleDisplay.needs) {
                skipped.append("\(document.name): \(command)")
                continue
            }
            ran += 1
            if ExampleDisplay.isBackground(command) {
                if let previous = server { record(await previous.stop(), document, previous.command) }
                let started = Server(command: command, timeout: timeout * 3)
                server = started
                record(try await started.start(), document, command)
                continue
            }
            let result = try await Tools.sh("timeout -k 5 \(timeout) bash -o pipefail -c \(shellQuoted(command))")
            if result.status != 0 {
                let why = result.status == 124 ? "timed out after \(timeout) s" : "exited \(result.status)"
                record("\(why)\n\(result.stderr.lastLines(20))", document, command)
            }
        }
        if let server { record(await server.stop(), document, server.command) }
    }

    private mutating func record(_ problem: String?, _ document: DocumentedExamples.Document, _ command: String) {
        if let problem { failures.append(Failure(document: document.name, command: command, reason: problem)) }
    }
}

/// A background example: the command without its `&`, under timeout(1), which makes a process
/// group of it (stopped by a SIGINT to the whole group, as Ctrl-C would) and ends it anyway
/// after its budget. Not a SIGINT to timeout alone: it inherits the signal mask of the test's
/// thread that started it, SIGINT blocked, and would never pass it on.
private final class Server: @unchecked Sendable {
    let command: String
    private let process = Process()
    private let stderr = Pipe()
    private let lock = NSLock()
    private var output = ""

    init(command: String, timeout: Int) {
        self.command = command
        let code = ExampleDisplay.withoutBackground(command)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["timeout", "-k", "5", "\(timeout)", "bash", "-o", "pipefail", "-c", code]
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = Tools.binDirectory + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        // tts-cache's default cache directory: the tests' own, not the user's ~/.cache.
        environment["XDG_CACHE_HOME"] = Tools.scratch + "/xdg-cache"
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: Tools.repository)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
    }

    /// Starts it and waits until it says it is `listening on` its address (stderr, as
    /// `switchboard mock-providers` does); nil when it does, else what went wrong.
    func start() async throws -> String? {
        try process.run()
        let handle = stderr.fileHandleForReading
        let listening: Bool = await withCheckedContinuation { continuation in
            // Drains stderr for the server's whole life, so that it never blocks on a full pipe.
            DispatchQueue.global().async { [self] in
                var resumed = false
                while true {
                    let data = handle.availableData
                    if data.isEmpty { break }
                    let seen = lock.withLock { output += String(decoding: data, as: UTF8.self); return output }
                    if !resumed, seen.contains("listening on") { resumed = true; continuation.resume(returning: true) }
                }
                if !resumed { continuation.resume(returning: false) }
            }
        }
        if listening { return nil }
        process.waitUntilExit()
        return "ended before listening (status \(process.terminationStatus))\n\(lock.withLock { output }.lastLines(20))"
    }

    /// Interrupts it, as Ctrl-C would; nil if it stops on that (exit 0 or the signal itself).
    func stop() async -> String? {
        guard process.isRunning else {
            return "ended before it was stopped (status \(process.terminationStatus))\n\(lock.withLock { output }.lastLines(20))"
        }
        kill(-process.processIdentifier, SIGINT)  // timeout leads the group, and env exec'd it
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { [process] in process.waitUntilExit(); continuation.resume() }
        }
        let interrupted = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGINT
        return process.terminationStatus == 0 || interrupted ? nil : "exited \(process.terminationStatus) on SIGINT"
    }
}

/// `text` as one word for sh.
func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
}

extension String {
    func lastLines(_ count: Int) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).suffix(count).joined(separator: "\n")
    }
}
