import ArgumentParser
import Logging
import Stdio
import SwitchboardCore

/// `--log-level`, which every Switchboard tool takes.
public struct LogOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Diagnostics on stderr from this level up.", valueName: "level"))
    public var logLevel: Logger.Level = .warning

    public init() {}

    /// Sets up logging to stderr and returns the tool's logger.
    public func makeLogger(label: String) -> Logger {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: label)
    }
}

/// `--text`, for tools that write frames.
public struct FrameOutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Write frames as text, payloads inline in base64 (the default when stdout is a terminal).")
    public var text = false

    public init() {}

    public var encoding: FrameEncoding { FrameWriter.defaultEncoding(textRequested: text) }
}

extension Logger.Level: @retroactive ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension ExitStatus {
    /// Ends the command with this status (`ExitCode` carries it out of `run`).
    public func exit() throws -> Never {
        throw ExitCode(rawValue)
    }
}
