import Synchronization

/// A JSGF grammar that pocketsphinx recognises utterances with, read once per process per file
/// and shared by every call (each decoder builds a rule's search the first time it needs it).
///
/// Its public rules are what an utterance can be recognised with: a `listen` event naming one
/// (`state_confirm`) narrows the next utterance to it; otherwise the first public rule is used.
public struct RecognitionGrammar: Sendable, Hashable {
    /// A malformed grammar, reported as `file:line: message`.
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public let jsgf: String
    /// Where it came from, for messages.
    public let file: String
    /// The name after `grammar`.
    public let name: String
    /// Public rules, in the order written: the names a `listen.grammar` may use.
    public let ruleNames: [String]
    /// Every rule, public or not.
    let allRuleNames: Set<String>
    /// Every word the grammar uses, for checking against a dictionary.
    public let words: Set<String>
    /// Tells decoders' searches of different grammars apart (the same text read twice gets two).
    let id: Int

    private static let nextID = Atomic<Int>(0)

    /// Checks `jsgf` and reads its rules; throws `SyntaxError` pointing into `file`.
    public init(jsgf: String, file: String) throws(SyntaxError) {
        let syntax: JSGFSyntax
        do {
            syntax = try JSGFSyntax(jsgf)
        } catch {
            throw SyntaxError(file: file, line: error.line, message: error.message)
        }
        let publicRules = syntax.rules.filter(\.isPublic).map(\.name)
        guard !publicRules.isEmpty else {
            throw SyntaxError(file: file, line: syntax.rules[0].line, message: "the grammar has no public rule to recognise with")
        }
        self.jsgf = jsgf
        self.file = file
        name = syntax.grammarName
        ruleNames = publicRules
        allRuleNames = Set(syntax.rules.map(\.name))
        words = Set(syntax.rules.flatMap(\.words))
        id = Self.nextID.add(1, ordering: .relaxed).newValue
    }

    /// The rule an utterance is recognised with: the one `listen` names if the grammar has it
    /// as a public rule, otherwise the first public rule.
    public func rule(for listen: ListenContext?) -> String {
        if let wanted = listen?.grammar, ruleNames.contains(wanted) { return wanted }
        return ruleNames[0]
    }
}
