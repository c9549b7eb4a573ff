/// A call graph as written: `mulaw-decode | vad | llm-stream --engine groq || llm-stream --engine script`.
///
/// Nodes are joined by `|`; a node is one command, or several joined by `||` (the later ones
/// take over, in order, when the one before fails). Words are split as a shell splits them:
/// whitespace separates, '…' quotes literally, "…" quotes with `\"` and `\\` escapes, and a
/// backslash outside quotes escapes the next character. Redirections, `;`, `&`, `$`-expansion
/// and back-quotes are refused rather than silently misread: a graph is not a shell script.
public struct GraphDescription: Sendable, Equatable, CustomStringConvertible {
    /// One node: the commands that can fill it, first choice first. Each command is an argv.
    public struct Node: Sendable, Equatable {
        public var alternatives: [[String]]
        public init(alternatives: [[String]]) { self.alternatives = alternatives }
    }

    public var nodes: [Node]

    public init(nodes: [Node]) { self.nodes = nodes }

    public init(parsing text: String) throws(GraphSyntaxError) {
        var nodes: [Node] = []
        var alternatives: [[String]] = []
        var command: [String] = []
        var lastOperator: (symbol: String, offset: Int)?

        func endCommand(at offset: Int, before symbol: String) throws(GraphSyntaxError) {
            guard !command.isEmpty else {
                let after = lastOperator.map { " after '\($0.symbol)'" } ?? ""
                throw GraphSyntaxError(offset: offset, message: "expected a command before '\(symbol)'\(after)")
            }
            alternatives.append(command)
            command = []
        }

        for token in try GraphTokenizer(text).tokens() {
            switch token.kind {
            case .word(let word):
                command.append(word)
            case .pipe:
                try endCommand(at: token.offset, before: "|")
                nodes.append(Node(alternatives: alternatives))
                alternatives = []
                lastOperator = ("|", token.offset)
            case .or:
                try endCommand(at: token.offset, before: "||")
                lastOperator = ("||", token.offset)
            }
        }
        if command.isEmpty {
            guard let lastOperator else { throw GraphSyntaxError(offset: 0, message: "the graph is empty") }
            throw GraphSyntaxError(offset: lastOperator.offset, message: "expected a command after '\(lastOperator.symbol)'")
        }
        alternatives.append(command)
        nodes.append(Node(alternatives: alternatives))
        self.nodes = nodes
    }

    /// The graph written back, quoted where needed, so that parsing it again gives the same graph.
    public var description: String {
        nodes.map { node in
            node.alternatives.map { $0.map(Self.quoted).joined(separator: " ") }.joined(separator: " || ")
        }.joined(separator: " | ")
    }

    private static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.allSatisfy { !$0.isWhitespace && !GraphTokenizer.special.contains($0) }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}

/// A graph string that cannot be read; `offset` counts characters from the start.
public struct GraphSyntaxError: Error, Equatable, CustomStringConvertible {
    public let offset: Int
    public let message: String
    public var description: String { "graph, character \(offset + 1): \(message)" }
}
