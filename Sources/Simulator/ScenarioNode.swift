import Yams

/// One value of a scenario's YAML and the key path that leads to it (`steps[3].barge_in.after_ms`):
/// typed reads whose errors point at the value's line and column and name that key.
struct ScenarioNode {
    let node: Node
    /// Where the value sits, as a user would name it in the file.
    let path: String
    let file: String

    func error(_ message: String) -> ScenarioError {
        ScenarioError(file: file, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    /// `~`, `null`, or nothing after the colon.
    var isNull: Bool { node.null != nil }

    /// A non-empty string. Any scalar counts as written (`dtmf: 1` is the string "1").
    func text() throws(ScenarioError) -> String {
        guard let scalar = node.scalar else { throw error("\"\(path)\" must be a string, not \(kind)") }
        guard !scalar.string.allSatisfy(\.isWhitespace) else { throw error("\"\(path)\" must not be empty") }
        return scalar.string
    }

    /// Only `true` is meaningful for switches such as `hang_up: true`; `false` would read as
    /// "do not hang up", a step that does nothing, so it is refused rather than ignored.
    func yes() throws(ScenarioError) {
        guard node.bool == true else { throw error("\"\(path)\" must be true, not \(described)") }
    }

    func number(in range: ClosedRange<Double>, unit: String) throws(ScenarioError) -> Double {
        guard let scalar = node.scalar, let value = Double(scalar.string), value.isFinite else {
            throw error("\"\(path)\" must be a number of \(unit), not \(described)")
        }
        guard range.contains(value) else {
            throw error("\"\(path)\" must be from \(Self.plain(range.lowerBound)) to \(Self.plain(range.upperBound)) \(unit), not \(Self.plain(value))")
        }
        return value
    }

    func wholeNumber(in range: ClosedRange<Int>, unit: String) throws(ScenarioError) -> Int {
        guard let scalar = node.scalar, let value = Int(scalar.string) else {
            throw error("\"\(path)\" must be a whole number of \(unit), not \(described)")
        }
        guard range.contains(value) else {
            throw error("\"\(path)\" must be from \(range.lowerBound) to \(range.upperBound) \(unit), not \(value)")
        }
        return value
    }

    /// The items of a list, each named `path[index]` (0-based, as most tools count).
    func list() throws(ScenarioError) -> [ScenarioNode] {
        guard let sequence = node.sequence else { throw error("\"\(path)\" must be a list, not \(kind)") }
        return sequence.enumerated().map { ScenarioNode(node: $1, path: "\(path)[\($0)]", file: file) }
    }

    /// A mapping whose keys must all be in `allowed`; `what` names it in messages.
    func mapping(_ what: String, allowed: [String]) throws(ScenarioError) -> ScenarioMapping {
        guard let mapping = node.mapping else { throw error("\(what) must be a mapping of keys, not \(kind)") }
        var entries: [ScenarioMapping.Entry] = []
        for (keyNode, valueNode) in mapping {
            let keyYAML = ScenarioNode(node: keyNode, path: path, file: file)
            guard let name = keyNode.scalar?.string else { throw keyYAML.error("keys in \(what) must be strings") }
            guard allowed.contains(name) else {
                throw keyYAML.error("unknown key \"\(name)\" in \(what) (expected \(allowed.joined(separator: ", ")))")
            }
            let valuePath = path.isEmpty ? name : "\(path).\(name)"
            entries.append(.init(name: name, key: keyYAML, value: ScenarioNode(node: valueNode, path: valuePath, file: file)))
        }
        return ScenarioMapping(owner: self, what: what, entries: entries)
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
        node.scalar.map { "\"\($0.string)\"" } ?? kind
    }

    /// 10 rather than 10.0, so messages read as the user wrote them.
    private static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// The keys of one mapping, already checked against the allowed ones, looked up by name.
struct ScenarioMapping {
    struct Entry {
        let name: String
        let key: ScenarioNode
        let value: ScenarioNode
    }

    let owner: ScenarioNode
    let what: String
    let entries: [Entry]

    /// The value of `key`; nil when it is absent or written as null.
    subscript(key: String) -> ScenarioNode? {
        guard let entry = entries.first(where: { $0.name == key }), !entry.value.isNull else { return nil }
        return entry.value
    }

    func required(_ key: String) throws(ScenarioError) -> ScenarioNode {
        guard let value = self[key] else { throw owner.error("\(what) is missing \"\(key)\"") }
        return value
    }
}
