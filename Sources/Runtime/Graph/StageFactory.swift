import SwitchboardCore

/// Turns a node's command into a stage that runs in this process.
public protocol StageFactory: Sendable {
    /// The built-in stage `argv` names (`argv[0]` is the tool), or nil when it is not built
    /// in: the node then runs `argv` as a subprocess speaking frames. Bad options throw a
    /// `StageFailure` naming the tool.
    func makeStage(_ argv: [String]) throws -> (any Stage)?
}
