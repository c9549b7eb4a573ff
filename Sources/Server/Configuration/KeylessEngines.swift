import Runtime
import StageOptions
import Stages

/// Cloud engines whose API key is not set, taken out of `--engine` lists before the graph is
/// built, so that a configuration written for production (`--engine deepgram,pocketsphinx`)
/// runs as is on a machine without keys, on the embedded engines, with a warning per engine.
///
/// A pure rewrite of argv: the tools' own rules for which engine needs which variable, read off
/// the node's options (`--api-key-env`, `--provider`, `--base-url`, `--whisper-key-variable`,
/// `--endpoint`). An empty variable counts as unset.
public enum KeylessEngines {
    /// What was taken out of a graph, and the graph without it.
    public struct Result: Sendable, Equatable {
        public var graph: GraphDescription
        public var dropped: [DroppedEngine]
    }

    /// `graph` without its keyless engines. A node alternative left with no engine is left out
    /// as a whole when another remains; a node with nothing left is an error naming the keys.
    public static func leaveOut(of graph: GraphDescription, environment: [String: String]) throws(MissingEngineKeys) -> Result {
        var dropped: [DroppedEngine] = []
        var nodes: [GraphDescription.Node] = []
        for node in graph.nodes {
            var alternatives: [[String]] = []
            var missing: [(argv: [String], variables: [String])] = []
            for argv in node.alternatives {
                let filtered = leaveOut(of: argv, environment: environment)
                dropped += filtered.dropped
                if let kept = filtered.argv { alternatives.append(kept) } else { missing.append((argv, filtered.dropped.map(\.variable))) }
            }
            if alternatives.isEmpty, let first = missing.first {
                throw MissingEngineKeys(argv: first.argv, variables: missing.flatMap(\.variables))
            }
            nodes.append(GraphDescription.Node(alternatives: alternatives))
        }
        return Result(graph: GraphDescription(nodes: nodes), dropped: dropped)
    }

    /// One command without its keyless engines; `argv` nil when none is left.
    static func leaveOut(of argv: [String], environment: [String: String]) -> (argv: [String]?, dropped: [DroppedEngine]) {
        let arguments = NodeArguments(argv)
        guard let tool = arguments.tool, ["stt-stream", "llm-stream", "tts-cache"].contains(tool),
              let list = arguments.lastValue(of: "--engine") else { return (argv, []) }
        // stt-stream: `a+b,c` (competing groups in failover order); the others: `name[:detail],…`.
        let groups = list.split(separator: ",").map { group in
            (tool == "stt-stream" ? group.split(separator: "+") : [group]).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        var dropped: [DroppedEngine] = []
        let kept = groups.map { group in
            group.filter { item in
                let name = String(item.prefix { $0 != ":" })
                guard let variable = keyVariable(tool: tool, engine: name, arguments: arguments),
                      (environment[variable] ?? "").isEmpty else { return true }
                dropped.append(DroppedEngine(tool: tool, engine: name, variable: variable))
                return false
            }
        }.filter { !$0.isEmpty }
        guard !dropped.isEmpty else { return (argv, []) }
        guard !kept.isEmpty else { return (nil, dropped) }
        var edited = arguments
        edited.set("--engine", to: kept.map { $0.joined(separator: "+") }.joined(separator: ","))
        return (edited.argv, dropped)
    }

    /// The variable holding the key engine `name` of `tool` needs with these options; nil when
    /// it needs none (embedded, a local server) or is unknown (the tool's parser says so).
    static func keyVariable(tool: String, engine name: String, arguments: NodeArguments) -> String? {
        switch (tool, name) {
        case ("stt-stream", "deepgram"):
            return DeepgramSTTEngine.keyVariable
        case ("stt-stream", "whisper"):
            // A local transcription server (`--endpoint whisper=URL`, or one URL for all) needs none.
            let hasEndpoint = arguments.values(of: "--endpoint").contains { endpointName($0) == nil || endpointName($0) == "whisper" }
            return hasEndpoint ? nil : arguments.lastValue(of: "--whisper-key-variable") ?? "OPENAI_API_KEY"
        case ("llm-stream", "openai"):
            // The generic engine follows --provider, --base-url and --api-key-env.
            let preset = ProviderPreset.named(arguments.lastValue(of: "--provider") ?? "openai")
            guard preset?.needsKey ?? true, arguments.lastValue(of: "--base-url") == nil else { return nil }
            return arguments.lastValue(of: "--api-key-env") ?? "OPENAI_API_KEY"
        case ("llm-stream", _):
            guard let preset = ProviderPreset.named(name), preset.needsKey else { return nil }
            return preset.apiKeyVariable
        case ("tts-cache", _):
            return SpeechProviderOptions.keyVariables[name]
        default:
            return nil
        }
    }

    /// `NAME=URL` → NAME; a bare URL (whose `=` comes after `://`) → nil.
    private static func endpointName(_ item: String) -> String? {
        guard let equals = item.firstIndex(of: "="), !item[..<equals].contains(":") else { return nil }
        return String(item[..<equals])
    }
}

/// An engine left out of a node's `--engine` because its API key is not set.
public struct DroppedEngine: Sendable, Equatable, CustomStringConvertible {
    public var tool: String
    public var engine: String
    public var variable: String

    public var description: String { "\(tool): engine \(engine) left out (no API key in $\(variable))" }
}

/// A node none of whose engines has its API key.
public struct MissingEngineKeys: Error, Sendable, Equatable, CustomStringConvertible {
    /// The node's (first) command, as written.
    public var argv: [String]
    public var variables: [String]

    public var description: String {
        let list = NodeArguments(argv).lastValue(of: "--engine") ?? ""
        let names = Array(Set(variables)).sorted().map { "$" + $0 }.joined(separator: ", ")
        return "\(argv.first ?? "?") --engine \(list): no engine left, every one needs an API key that is not set (set \(names), or add an embedded engine to the list)"
    }
}
