import ArgumentParser
import ToolSupport

@main
struct SwitchboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "Run and inspect Switchboard voice-agent calls.",
        discussion: """
            Switchboard stages exchange frames — JSON header lines, optionally followed by a \
            binary payload — over stdin and stdout (see switchboard-frames(5)). This command \
            hosts the tools that work on whole streams.
            """,
        version: SwitchboardVersion.current,
        subcommands: [RunCommand.self, ServeCommand.self, SimulateCommand.self, CheckCommand.self, DumpCommand.self, MockProvidersCommand.self])
}
