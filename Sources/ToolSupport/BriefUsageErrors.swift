import ArgumentParser

extension AsyncParsableCommand {
    /// Runs the command as `main()` does, except that a usage error in a command line with no
    /// arguments at all is reported like any other: the error, the usage, where help is.
    /// argument-parser answers it with the whole help instead, burying the one line that says
    /// what is missing (`llm-stream` alone needs --script or --engine). A lone `--` ends the
    /// options and adds none, so the command line means the same and is no longer empty.
    public static func mainWithBriefUsageErrors() async {
        await main(CommandLine.arguments.count > 1 ? nil : ["--"])
    }
}
