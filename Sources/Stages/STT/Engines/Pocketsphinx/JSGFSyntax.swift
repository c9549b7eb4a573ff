/// A checker for the JSGF subset sphinxbase reads, so that a malformed grammar is reported
/// as `file:line: message` (sphinxbase only logs a parse error, without saying where, and
/// returns nothing).
///
/// It reads the header (`#JSGF V1.0;`, `grammar name;`, `import <…>;`), then rules
/// `[public] <name> = expansion;` whose expansions are words, quoted tokens, rule references,
/// `|` alternatives (optionally weighted `/w/`), `( )` groups, `[ ]` options, `*` and `+`, and
/// `{tags}`; comments are `//` and `/* */`. It also checks that every referenced rule exists.
struct JSGFSyntax {
    struct Rule: Equatable {
        var name: String
        var isPublic: Bool
        var line: Int
        /// Words (and quoted tokens) the rule's own expansion uses.
        var words: [String]
        var references: [(name: String, line: Int)]

        static func == (a: Rule, b: Rule) -> Bool { a.name == b.name && a.isPublic == b.isPublic && a.line == b.line && a.words == b.words }
    }

    struct Failure: Error {
        var line: Int
        var message: String
    }

    private(set) var grammarName = ""
    private(set) var rules: [Rule] = []

    private enum Token: Equatable {
        case word(String), quoted(String), rule(String), symbol(Character), weight, tag, header(String)
    }

    private var tokens: [(token: Token, line: Int)] = []
    private var position = 0
    private var lastLine = 1

    init(_ text: String) throws(Failure) {
        try tokenize(Array(text))
        try parse()
    }

    // MARK: Tokens

    private static let symbols: Set<Character> = [";", "=", "|", "*", "+", "(", ")", "[", "]"]

    private mutating func tokenize(_ chars: [Character]) throws(Failure) {
        var index = 0
        var line = 1
        func peek(_ offset: Int = 0) -> Character? { index + offset < chars.count ? chars[index + offset] : nil }
        while let char = peek() {
            if char == "\n" { line += 1; index += 1; continue }
            if char.isWhitespace { index += 1; continue }
            if char == "/", peek(1) == "/" {
                while let next = peek(), next != "\n" { index += 1 }
                continue
            }
            if char == "/", peek(1) == "*" {
                let start = line
                index += 2
                while peek() != nil, !(peek() == "*" && peek(1) == "/") {
                    if peek() == "\n" { line += 1 }
                    index += 1
                }
                guard peek() != nil else { throw Failure(line: start, message: "comment not closed with */") }
                index += 2
                continue
            }
            if char == "#" {
                var text = ""
                while let next = peek(), next != ";", next != "\n" { text.append(next); index += 1 }
                tokens.append((.header(text), line))
                continue
            }
            let start = line
            switch char {
            case "<":
                var name = ""
                index += 1
                while let next = peek(), next != ">" {
                    guard !next.isWhitespace, next != "<", next != ";" else {
                        throw Failure(line: start, message: "rule name <\(name) not closed with >")
                    }
                    name.append(next)
                    index += 1
                }
                guard peek() == ">" else { throw Failure(line: start, message: "rule name <\(name) not closed with >") }
                guard !name.isEmpty else { throw Failure(line: start, message: "empty rule name <>") }
                index += 1
                tokens.append((.rule(name), start))
            case "\"":
                var text = ""
                index += 1
                while let next = peek(), next != "\"", next != "\n" { text.append(next); index += 1 }
                guard peek() == "\"" else { throw Failure(line: start, message: "quoted token not closed with \"") }
                index += 1
                tokens.append((.quoted(text), start))
            case "{":
                while let next = peek(), next != "}" {
                    if next == "\n" { line += 1 }
                    index += 1
                }
                guard peek() == "}" else { throw Failure(line: start, message: "tag not closed with }") }
                index += 1
                tokens.append((.tag, start))
            case "/":
                index += 1
                while let next = peek(), next != "/", next != "\n" {
                    guard next.isNumber || next == "." else { throw Failure(line: start, message: "weight /…/ must be a number") }
                    index += 1
                }
                guard peek() == "/" else { throw Failure(line: start, message: "weight not closed with /") }
                index += 1
                tokens.append((.weight, start))
            case _ where Self.symbols.contains(char):
                index += 1
                tokens.append((.symbol(char), start))
            default:
                var word = ""
                while let next = peek(), !next.isWhitespace, !Self.symbols.contains(next), !"<>{}\"/".contains(next) {
                    word.append(next)
                    index += 1
                }
                guard !word.isEmpty else { throw Failure(line: start, message: "unexpected character '\(char)'") }
                tokens.append((.word(word), start))
            }
        }
        lastLine = line
    }

    // MARK: Grammar

    private var current: Token? { position < tokens.count ? tokens[position].token : nil }
    private var line: Int { position < tokens.count ? tokens[position].line : lastLine }

    private mutating func expect(_ symbol: Character, _ what: String) throws(Failure) {
        guard current == .symbol(symbol) else { throw Failure(line: line, message: "expected '\(symbol)' \(what)\(found)") }
        position += 1
    }

    private var found: String {
        switch current {
        case nil: ", found the end of the file"
        case .word(let word): ", found '\(word)'"
        case .quoted(let text): ", found \"\(text)\""
        case .rule(let name): ", found <\(name)>"
        case .symbol(let symbol): ", found '\(symbol)'"
        case .weight: ", found a weight"
        case .tag: ", found a tag"
        case .header: ", found '#'"
        }
    }

    private mutating func parse() throws(Failure) {
        guard case .header(let header) = current, header.hasPrefix("#JSGF") else {
            throw Failure(line: line, message: "a JSGF grammar starts with '#JSGF V1.0;'")
        }
        position += 1
        try expect(";", "after the #JSGF header")
        guard current == .word("grammar") else { throw Failure(line: line, message: "expected 'grammar NAME;'\(found)") }
        position += 1
        guard case .word(let name) = current else { throw Failure(line: line, message: "expected the grammar's name\(found)") }
        grammarName = name
        position += 1
        try expect(";", "after the grammar's name")
        while current == .word("import") {
            position += 1
            guard case .rule = current else { throw Failure(line: line, message: "expected <rule> after import\(found)") }
            position += 1
            try expect(";", "after the import")
        }
        var seen: [String: Int] = [:]
        while current != nil {
            let rule = try parseRule()
            if let first = seen[rule.name] { throw Failure(line: rule.line, message: "rule <\(rule.name)> already defined on line \(first)") }
            seen[rule.name] = rule.line
            rules.append(rule)
        }
        guard !rules.isEmpty else { throw Failure(line: lastLine, message: "the grammar has no rules") }
        for rule in rules {
            for reference in rule.references where seen[reference.name] == nil && !["NULL", "VOID"].contains(reference.name) && !reference.name.contains(".") {
                throw Failure(line: reference.line, message: "rule <\(reference.name)> is used but not defined")
            }
        }
    }

    private mutating func parseRule() throws(Failure) -> Rule {
        let start = line
        var isPublic = false
        if current == .word("public") {
            isPublic = true
            position += 1
        }
        guard case .rule(let name) = current else { throw Failure(line: line, message: "expected a rule definition '<name> = …;'\(found)") }
        position += 1
        try expect("=", "after <\(name)>")
        var rule = Rule(name: name, isPublic: isPublic, line: start, words: [], references: [])
        try parseAlternatives(into: &rule)
        try expect(";", "at the end of rule <\(name)>")
        return rule
    }

    private mutating func parseAlternatives(into rule: inout Rule) throws(Failure) {
        repeat {
            if current == .symbol("|") { position += 1 }
            if current == .weight { position += 1 }
            var items = 0
            while try parseItem(into: &rule) { items += 1 }
            guard items > 0 else { throw Failure(line: line, message: "empty alternative in rule <\(rule.name)>\(found)") }
        } while current == .symbol("|")
    }

    /// One word, reference or group with its `*`, `+` and tags; false when none starts here.
    private mutating func parseItem(into rule: inout Rule) throws(Failure) -> Bool {
        switch current {
        case .word(let word):
            rule.words.append(word)
        case .quoted(let text):
            rule.words.append(contentsOf: text.split(separator: " ").map(String.init))
        case .rule(let name):
            rule.references.append((name, line))
        case .symbol("("), .symbol("["):
            let close: Character = current == .symbol("(") ? ")" : "]"
            position += 1
            try parseAlternatives(into: &rule)
            try expect(close, "to close the group")
            position -= 1
        default:
            return false
        }
        position += 1
        while current == .symbol("*") || current == .symbol("+") || current == .tag { position += 1 }
        return true
    }
}
