import ArgumentParser

/// `--script FILE`, the dialogue script: declared once, so that `llm-stream`'s engines and
/// `llm-stream grammar` share it. The stage's options are the root command's own, and a root
/// command's parser takes its options wherever they stand, after a subcommand's name too;
/// `grammar` gets the value through this shared group instead of an option the root would
/// already have consumed.
public struct DialogueScriptOption: ParsableArguments, Sendable {
    @Option(name: .long, help: ArgumentHelp("The dialogue script for the script engine.", valueName: "file"))
    public var script: String?

    public init() {}
}
