import Foundation
import Runtime

/// The options of the built-in tools that name files or folders: in a configuration file they
/// are relative to the file's own folder, so that `switchboard serve --config
/// /etc/agent/switchboard.yaml` finds `receptionist.yaml` next to it, whatever the working
/// directory. Subprocess commands are left as written: their words mean what the command
/// makes of them.
enum GraphPaths {
    static let pathOptions: [String: Set<String>] = [
        "mulaw-decode": ["-i", "--input"],
        "mulaw-encode": ["-o", "--output"],
        "stt-stream": ["--grammar", "--grammar-from-script", "--sphinx-model"],
        "llm-stream": ["--script", "--system-file", "--tenant-prompts"],
        "sentence-split": ["--abbreviations"],
        "tts-cache": ["--lexicon", "--cache-dir"],
    ]

    /// `path` made absolute against `directory`, tidied; absolute paths and `-` (stdin) as given.
    static func resolve(_ path: String, in directory: String) -> String {
        guard !path.isEmpty, path != "-", !path.hasPrefix("/") else { return path }
        return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: directory, isDirectory: true)).standardizedFileURL.path
    }

    /// A node's argv with its path options resolved.
    static func resolve(_ argv: [String], in directory: String) -> [String] {
        guard let tool = argv.first, let names = pathOptions[tool] else { return argv }
        var arguments = NodeArguments(argv)
        arguments.mapValues(of: names) { resolve($0, in: directory) }
        return arguments.argv
    }

    /// Every built-in node's path options resolved.
    static func resolve(_ graph: GraphDescription, in directory: String) -> GraphDescription {
        GraphDescription(nodes: graph.nodes.map { node in
            GraphDescription.Node(alternatives: node.alternatives.map { resolve($0, in: directory) })
        })
    }
}
