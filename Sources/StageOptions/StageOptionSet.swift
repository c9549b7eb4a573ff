import ArgumentParser
import Logging
import SwitchboardCore

/// One tool's stage options, parsed from the tool's command line.
///
/// Declared once, here, so that the executable and a node of a graph string
/// (`"llm-stream --script s.yaml --engine groq,script"`) parse the same options with the same
/// help, defaults and validation, and build the same stage.
///
/// Sendable, so that a graph parsed once builds the stages of every call, from any task.
public protocol StageOptionSet: ParsableArguments, Sendable {
    /// The tool name, e.g. "llm-stream".
    static var toolName: String { get }
    /// Builds the stage these options describe, drawing process-wide things from `resources`.
    /// Throws `StageFailure(.config, …)` for a bad script, a missing key and the like.
    func makeStage(resources: SharedResources, logger: Logger) throws -> any Stage
}
