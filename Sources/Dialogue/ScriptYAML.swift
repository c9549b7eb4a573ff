import Yams

/// A node of a script's YAML and the file it came from: typed reads that fail with a
/// `ScriptError` pointing at the node's line and column and naming the key.
struct ScriptYAML {
    let node: Node
    let file: String

    func error(_ message: String) -> ScriptError {
        ScriptError(file: file, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    /// A plain `~`, `null` or nothing at all: treated as if the key were absent.
    var isNull: Bool { node.null != nil }

    /// Any scalar, as written (`yes` stays the string "yes", `3` the string "3").
    func string(_ key: String) throws(ScriptError) -> String {
        guard let scalar = node.scalar else {
            let hint = node.mapping != nil ? " (quote text that starts with a {placeholder})" : ""
            throw error("\"\(key)\" must be a string, not \(kind)\(hint)")
        }
        return scalar.string
    }

    func bool(_ key: String) throws(ScriptError) -> Bool {
        guard let value = node.bool else { throw error("\"\(key)\" must be true or false, not \(describe)") }
        return value
    }

    func number(_ key: String) throws(ScriptError) -> Double {
        guard let scalar = node.scalar, let value = Double(scalar.string) else {
            throw error("\"\(key)\" must be a number, not \(describe)")
        }
        return value
    }

    func list(_ key: String) throws(ScriptError) -> [ScriptYAML] {
        guard let sequence = node.sequence else { throw error("\"\(key)\" must be a list, not \(kind)") }
        return sequence.map { ScriptYAML(node: $0, file: file) }
    }

    /// A list of scalars, each with its node for later errors.
    func strings(_ key: String) throws(ScriptError) -> [(text: String, yaml: ScriptYAML)] {
        var result: [(text: String, yaml: ScriptYAML)] = []
        for item in try list(key) {
            guard let scalar = item.node.scalar else {
                // `- {date}` is a YAML mapping: the usual slip with placeholders.
                let hint = item.node.mapping != nil ? " (quote a phrase that starts with a {placeholder})" : ""
                throw item.error("each entry of \"\(key)\" must be a string, not \(item.kind)\(hint)")
            }
            result.append((scalar.string, item))
        }
        return result
    }

    /// A mapping whose keys must all be in `allowed`; `what` names it in messages ("intent").
    func mapping(_ what: String, allowed: [String]) throws(ScriptError) -> ScriptYAMLMapping {
        guard let mapping = node.mapping else { throw error("\(what) must be a mapping of keys, not \(kind)") }
        var entries: [(key: String, keyYAML: ScriptYAML, value: ScriptYAML)] = []
        for (keyNode, valueNode) in mapping {
            let keyYAML = ScriptYAML(node: keyNode, file: file)
            guard let key = keyNode.scalar?.string else { throw keyYAML.error("keys in \(what) must be strings") }
            guard allowed.contains(key) else {
                throw keyYAML.error("unknown key \"\(key)\" in \(what) (expected \(allowed.joined(separator: ", ")))")
            }
            entries.append((key, keyYAML, ScriptYAML(node: valueNode, file: file)))
        }
        return ScriptYAMLMapping(yaml: self, what: what, entries: entries)
    }

    /// A mapping with keys chosen by the script (state and slot names).
    func namedEntries(_ key: String) throws(ScriptError) -> [(name: String, keyYAML: ScriptYAML, value: ScriptYAML)] {
        guard let mapping = node.mapping else { throw error("\"\(key)\" must be a mapping of names, not \(kind)") }
        var entries: [(name: String, keyYAML: ScriptYAML, value: ScriptYAML)] = []
        for (keyNode, valueNode) in mapping {
            let keyYAML = ScriptYAML(node: keyNode, file: file)
            guard let name = keyNode.scalar?.string, !name.isEmpty else { throw keyYAML.error("names under \"\(key)\" must be strings") }
            entries.append((name, keyYAML, ScriptYAML(node: valueNode, file: file)))
        }
        return entries
    }

    var kind: String {
        switch node {
        case .scalar: "a string"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    private var describe: String {
        if let scalar = node.scalar { return "\"\(scalar.string)\"" }
        return kind
    }
}

/// The keys of one mapping in a script, looked up by name.
struct ScriptYAMLMapping {
    let yaml: ScriptYAML
    let what: String
    let entries: [(key: String, keyYAML: ScriptYAML, value: ScriptYAML)]

    /// The value of `key`, nil when it is absent or null.
    subscript(key: String) -> ScriptYAML? {
        guard let entry = entries.first(where: { $0.key == key }), !entry.value.isNull else { return nil }
        return entry.value
    }

    func has(_ key: String) -> Bool { self[key] != nil }

    func required(_ key: String) throws(ScriptError) -> ScriptYAML {
        guard let value = self[key] else { throw yaml.error("\(what) is missing \"\(key)\"") }
        return value
    }

    func string(_ key: String) throws(ScriptError) -> String? { try self[key]?.string(key) }
    func strings(_ key: String) throws(ScriptError) -> [(text: String, yaml: ScriptYAML)] { try self[key]?.strings(key) ?? [] }
}
