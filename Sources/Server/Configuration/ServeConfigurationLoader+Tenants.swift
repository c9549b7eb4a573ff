import Runtime

/// A tenant's entry: a graph of its own, conveniences for the usual overrides, and raw options
/// per tool. Everything becomes arguments for the tools' nodes (`TenantOverrides.options`).
extension ServeConfigurationLoader {
    static let tenantKeys = ["graph", "script", "prompt", "prompt_file", "voice", "llm", "stt", "tts", "options"]

    /// Each convenience: the tool whose option it sets, and whether its value is a path.
    static let conveniences: [(key: String, tool: String, option: String, isPath: Bool)] = [
        ("script", "llm-stream", "--script", true),
        ("prompt", "llm-stream", "--system", false),
        ("prompt_file", "llm-stream", "--system-file", true),
        ("llm", "llm-stream", "--engine", false),
        ("stt", "stt-stream", "--engine", false),
        ("voice", "tts-cache", "--voice", false),
        ("tts", "tts-cache", "--engine", false),
    ]

    /// Tenant names end up in file names and metrics labels: plain words only.
    static func isTenantName(_ name: String) -> Bool {
        name.count <= 64 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) } && !name.hasPrefix(".")
    }

    func tenant(_ entry: ConfigurationEntry, sharedGraph: GraphDescription) throws(ServeConfigurationError) -> TenantOverrides {
        guard Self.isTenantName(entry.name) else {
            throw entry.keyNode.error("tenant name \"\(entry.name)\" must be letters, digits, '-', '_' or '.' (at most 64)")
        }
        let what = "tenant \"\(entry.name)\""
        let mapping = try entry.value.mapping(what, allowed: Self.tenantKeys)
        var overrides = TenantOverrides(line: entry.keyNode.node.mark?.line)
        let ownGraph = try mapping["graph"].map { yaml throws(ServeConfigurationError) in try self.graph(yaml) }
        overrides.graph = ownGraph?.description
        let graph = ownGraph ?? sharedGraph
        let tools = Set(graph.nodes.flatMap { node in node.alternatives.compactMap { $0.first } })

        if let prompt = mapping["prompt"], mapping["prompt_file"] != nil {
            throw prompt.error("\(what): give \"prompt\" or \"prompt_file\", not both")
        }
        for convenience in Self.conveniences {
            guard let yaml = mapping[convenience.key] else { continue }
            let value = convenience.isPath ? try path(yaml) : try yaml.text()
            guard tools.contains(convenience.tool) else {
                throw yaml.error("\"\(yaml.key)\" sets \(convenience.tool) \(convenience.option), but the graph runs no \(convenience.tool)")
            }
            overrides.options[convenience.tool, default: []] += [convenience.option, value]
            // The recognizer follows the dialogue: a graph that recognizes against its script's
            // grammar recognizes against the tenant's script.
            if convenience.key == "script", graph.runs("stt-stream", with: "--grammar-from-script") {
                overrides.options["stt-stream", default: []] += ["--grammar-from-script", value]
            }
        }
        if let options = mapping["options"] {
            for option in try options.entries("\(what) options") {
                guard tools.contains(option.name) else {
                    throw option.keyNode.error("\(what) options for \"\(option.name)\", which the graph does not run (it runs \(tools.sorted().joined(separator: ", ")))")
                }
                let arguments = GraphPaths.resolve([option.name] + (try words(option.value)), in: directory).dropFirst()
                overrides.options[option.name, default: []] += arguments
            }
        }
        return overrides
    }

    /// Arguments written as one string, split as in the graph (quotes honoured), or as a list.
    private func words(_ yaml: ConfigurationNode) throws(ServeConfigurationError) -> [String] {
        if let list = yaml.node.sequence {
            var words: [String] = []
            for item in list { words.append(try ConfigurationNode(node: item, key: yaml.key, file: file).string()) }
            return words
        }
        let text = try yaml.string()
        let parsed: GraphDescription
        do {
            parsed = try GraphDescription(parsing: "options " + text)
        } catch {
            throw yaml.error("\"\(yaml.key)\": \(error)")
        }
        guard parsed.nodes.count == 1, parsed.nodes[0].alternatives.count == 1 else {
            throw yaml.error("\"\(yaml.key)\" must be one tool's arguments, without '|' or '||' (quote them)")
        }
        return Array(parsed.nodes[0].alternatives[0].dropFirst())
    }
}

extension GraphDescription {
    /// Whether some node running `tool` has `option`.
    func runs(_ tool: String, with option: String) -> Bool {
        nodes.contains { $0.alternatives.contains { $0.first == tool && NodeArguments($0).has(option) } }
    }
}
