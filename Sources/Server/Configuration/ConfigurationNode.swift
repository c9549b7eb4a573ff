import Yams

/// A node of the configuration's YAML with its key path (`limits.max_calls`): typed reads
/// that fail with an error pointing at the node's line and naming the key.
struct ConfigurationNode {
    let node: Node
    /// The keys leading here, dotted: `tenants.clinic.voice`.
    let key: String
    let file: String

    func error(_ message: String) -> ServeConfigurationError {
        ServeConfigurationError(file: file, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    /// `~`, `null` or nothing written after the colon.
    var isNull: Bool { node.null != nil }

    /// Any scalar, as written (`8080` is the string "8080").
    func string() throws(ServeConfigurationError) -> String {
        guard let scalar = node.scalar else { throw error("\"\(key)\" must be a string, not \(kind)") }
        return scalar.string
    }

    /// A string with something in it.
    func text() throws(ServeConfigurationError) -> String {
        let value = try string()
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw error("\"\(key)\" must not be empty") }
        return value
    }

    func bool() throws(ServeConfigurationError) -> Bool {
        guard let value = node.bool else { throw error("\"\(key)\" must be true or false, not \(described)") }
        return value
    }

    /// A whole number in `range`.
    func integer(in range: ClosedRange<Int>) throws(ServeConfigurationError) -> Int {
        guard let scalar = node.scalar, let value = Int(scalar.string) else { throw error("\"\(key)\" must be a whole number, not \(described)") }
        guard range.contains(value) else { throw error("\"\(key)\" must be from \(range.lowerBound) to \(range.upperBound), not \(value)") }
        return value
    }

    /// A number of seconds (or ms) in `range`.
    func number(in range: ClosedRange<Double>) throws(ServeConfigurationError) -> Double {
        guard let scalar = node.scalar, let value = Double(scalar.string), value.isFinite else {
            throw error("\"\(key)\" must be a number, not \(described)")
        }
        guard range.contains(value) else {
            throw error("\"\(key)\" must be from \(Self.plain(range.lowerBound)) to \(Self.plain(range.upperBound)), not \(Self.plain(value))")
        }
        return value
    }

    /// The entries of a mapping whose keys must all be in `allowed`; `what` names it in messages.
    func mapping(_ what: String, allowed: [String]) throws(ServeConfigurationError) -> ConfigurationMapping {
        let entries = try entries(what)
        for entry in entries where !allowed.contains(entry.name) {
            throw entry.keyNode.error("unknown key \"\(entry.name)\" in \(what) (expected \(allowed.joined(separator: ", ")))")
        }
        return ConfigurationMapping(node: self, what: what, entries: entries)
    }

    /// The entries of a mapping whose keys the user chooses (tenant names, parameters).
    func entries(_ what: String) throws(ServeConfigurationError) -> [ConfigurationEntry] {
        guard let mapping = node.mapping else { throw error("\(what) must be a mapping of keys, not \(kind)") }
        var entries: [ConfigurationEntry] = []
        for (keyNode, valueNode) in mapping {
            let keyYAML = ConfigurationNode(node: keyNode, key: key, file: file)
            guard let name = keyNode.scalar?.string, !name.isEmpty else { throw keyYAML.error("keys in \(what) must be strings") }
            let path = key.isEmpty ? name : "\(key).\(name)"
            entries.append(ConfigurationEntry(name: name, keyNode: keyYAML, value: ConfigurationNode(node: valueNode, key: path, file: file)))
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

    private var described: String {
        if let scalar = node.scalar { return "\"\(scalar.string)\"" }
        return kind
    }

    private static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// One `key: value` of a mapping, with both nodes for errors.
struct ConfigurationEntry {
    let name: String
    let keyNode: ConfigurationNode
    let value: ConfigurationNode
}

/// The keys of one mapping, looked up by name.
struct ConfigurationMapping {
    let node: ConfigurationNode
    let what: String
    let entries: [ConfigurationEntry]

    /// The value of `key`; nil when it is absent or null.
    subscript(key: String) -> ConfigurationNode? {
        guard let entry = entries.first(where: { $0.name == key }), !entry.value.isNull else { return nil }
        return entry.value
    }

    /// Whether `key` is written at all, null included.
    func has(_ key: String) -> Bool { entries.contains { $0.name == key } }

    func required(_ key: String) throws(ServeConfigurationError) -> ConfigurationNode {
        guard let value = self[key] else { throw node.error("\(what) is missing \"\(key)\"") }
        return value
    }
}
