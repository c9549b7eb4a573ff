import ArgumentParser
import Foundation

extension AsyncParsableCommand {
    /// Runs the command as `main()` does, except:
    /// - a usage error in a command line with no arguments at all is reported like any other:
    ///   the error, the usage, where help is. argument-parser answers it with the whole help
    ///   instead, burying the one line that says what is missing (`llm-stream` alone needs
    ///   --script or --engine). A lone `--` ends the options and adds none, so the command line
    ///   means the same and is no longer empty.
    /// - `TOOL SUBCOMMAND --help` shows the subcommand's help. A stage tool's options are the
    ///   root command's, parsed wherever they stand, so argument-parser would take the
    ///   `--help` for the root's (`llm-stream eval --help` printed llm-stream's).
    public static func mainWithBriefUsageErrors() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let name = arguments.first, arguments.dropFirst().contains(where: { $0 == "--help" || $0 == "-h" }),
           let subcommand = configuration.subcommands.first(where: { $0._commandName == name }) {
            print(helpMessage(for: subcommand, columns: nil))
            return
        }
        await main(arguments.isEmpty ? ["--"] : nil)
    }
}
