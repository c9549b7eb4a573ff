import Logging
import StageOptions
import SwitchboardCore

/// The stages built into Switchboard, made from a node's command with the tool's own options
/// (`StageCatalog`), exactly as the executable would make them, drawing on one set of
/// process-wide resources: every node of every call shares its HTTP client, breakers,
/// limiters, scripts and lexicons.
public struct BuiltInStages: StageFactory {
    public let resources: SharedResources
    public let logger: Logger

    public init(resources: SharedResources = SharedResources(), logger: Logger) {
        self.resources = resources
        self.logger = logger
    }

    public func makeStage(_ argv: [String]) throws -> (any Stage)? {
        guard let options = try StageCatalog.parse(argv) else { return nil }
        return try options.makeStage(resources: resources, logger: logger)
    }
}
