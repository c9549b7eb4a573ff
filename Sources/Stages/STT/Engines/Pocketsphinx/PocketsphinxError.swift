/// What can go wrong with the embedded recognizer.
public enum PocketsphinxError: Error, Equatable, CustomStringConvertible {
    /// A model file is not installed (`apt-get install pocketsphinx-en-us`).
    case modelMissing(path: String)
    /// `ps_init` refused the configuration.
    case decoderFailed(String)
    /// The grammar has no rule of that name.
    case unknownRule(String)
    /// Words of a grammar rule that the dictionary cannot pronounce.
    case wordsNotInDictionary(rule: String, words: [String])
    /// sphinxbase rejected a grammar (or a rule of it) that passed our own checks.
    case grammarRejected(file: String, rule: String?)
    /// More utterance audio waited for a decoder than the engine keeps.
    case backlogFull(seconds: Int)

    public var description: String {
        switch self {
        case .modelMissing(let path):
            "pocketsphinx model file missing: \(path) (install pocketsphinx-en-us, or point the model elsewhere)"
        case .decoderFailed(let reason):
            "pocketsphinx decoder could not start: \(reason)"
        case .unknownRule(let rule):
            "grammar has no rule <\(rule)>"
        case .wordsNotInDictionary(let rule, let words):
            "grammar rule <\(rule)> uses words missing from the pronunciation dictionary: \(words.joined(separator: ", "))"
        case .grammarRejected(let file, let rule):
            "\(file): pocketsphinx rejected the grammar" + (rule.map { " (rule <\($0)>)" } ?? "")
        case .backlogFull(let seconds):
            "more than \(seconds) s of speech waited for a free pocketsphinx decoder (raise --decoders)"
        }
    }
}
