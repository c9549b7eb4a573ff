import Runtime

/// A tenant's options put into the shared graph: appended to every node running their tool, so
/// that they win, as a later occurrence of an option wins for the argument parser.
///
/// Options that exclude one another (`--system` and `--system-file`) cannot both stand, so a
/// tenant's one takes the place of the shared one's; and the options the configuration's
/// conveniences set are set where the graph already has them, so the graph a tenant runs still
/// reads like the one written.
enum TenantArguments {
    /// Each option with the options it excludes (itself included).
    static let exclusive: [String: Set<String>] = [
        "--system": ["--system", "--system-file"], "--system-file": ["--system", "--system-file"],
        "--grammar": ["--grammar", "--grammar-from-script"], "--grammar-from-script": ["--grammar", "--grammar-from-script"],
        "--engine": ["--engine"], "--script": ["--script"], "--voice": ["--voice"],
    ]

    /// `extra` put into `argv`.
    static func apply(_ extra: [String], to argv: [String]) -> [String] {
        var arguments = NodeArguments(argv)
        var appended: [String] = []
        var index = 0
        while index < extra.count {
            let word = extra[index]
            let (name, value, width): (String, String?, Int) = {
                if let equals = word.firstIndex(of: "="), word.hasPrefix("--") {
                    return (String(word[..<equals]), String(word[word.index(after: equals)...]), 1)
                }
                return (word, index + 1 < extra.count ? extra[index + 1] : nil, 2)
            }()
            guard let excluded = exclusive[name], let value else {
                appended.append(word)
                index += 1
                continue
            }
            arguments.remove(excluded.subtracting([name]))
            if arguments.has(name) { arguments.set(name, to: value) } else { appended += [name, value] }
            index += width
        }
        return arguments.argv + appended
    }

    /// `options` (tool → arguments) put into every node of `graph` running that tool, in each
    /// of its alternatives.
    static func apply(_ options: [String: [String]], to graph: GraphDescription) -> GraphDescription {
        guard !options.isEmpty else { return graph }
        return GraphDescription(nodes: graph.nodes.map { node in
            GraphDescription.Node(alternatives: node.alternatives.map { argv in
                guard let tool = argv.first, let extra = options[tool] else { return argv }
                return apply(extra, to: argv)
            })
        })
    }
}
