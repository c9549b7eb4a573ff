/// Splits a graph string into words and the operators `|` and `||`, honouring quotes.
struct GraphTokenizer {
    enum Kind: Equatable {
        case word(String)
        case pipe
        case or
    }

    struct Token: Equatable {
        let kind: Kind
        /// Where the token starts, in characters.
        let offset: Int
    }

    /// Characters with a meaning outside quotes; those the graph does not support are refused.
    static let special: Set<Character> = ["|", "'", "\"", "\\", "<", ">", ";", "&", "$", "`", "(", ")"]

    private let characters: [Character]

    init(_ text: String) { characters = Array(text) }

    func tokens() throws(GraphSyntaxError) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        var wordStart: Int?
        var i = 0

        func endWord() {
            if let start = wordStart { tokens.append(Token(kind: .word(word), offset: start)) }
            word = ""
            wordStart = nil
        }

        while i < characters.count {
            let c = characters[i]
            switch c {
            case _ where c.isWhitespace:
                endWord()
                i += 1
            case "|":
                endWord()
                let isOr = i + 1 < characters.count && characters[i + 1] == "|"
                tokens.append(Token(kind: isOr ? .or : .pipe, offset: i))
                i += isOr ? 2 : 1
            case "'":
                wordStart = wordStart ?? i
                guard let close = characters[(i + 1)...].firstIndex(of: "'") else {
                    throw GraphSyntaxError(offset: i, message: "unterminated ' quote")
                }
                word += String(characters[(i + 1)..<close])
                i = close + 1
            case "\"":
                wordStart = wordStart ?? i
                i = try doubleQuoted(from: i, into: &word)
            case "\\":
                wordStart = wordStart ?? i
                guard i + 1 < characters.count else { throw GraphSyntaxError(offset: i, message: "a backslash ends the graph") }
                word.append(characters[i + 1])
                i += 2
            case _ where Self.special.contains(c):
                throw GraphSyntaxError(offset: i, message: "'\(c)' is shell syntax a graph does not support (quote it to pass it on)")
            default:
                wordStart = wordStart ?? i
                word.append(c)
                i += 1
            }
        }
        endWord()
        return tokens
    }

    /// Reads "…" starting at `open`; returns the index after the closing quote.
    private func doubleQuoted(from open: Int, into word: inout String) throws(GraphSyntaxError) -> Int {
        var i = open + 1
        while i < characters.count {
            switch characters[i] {
            case "\"":
                return i + 1
            case "\\" where i + 1 < characters.count && ["\"", "\\"].contains(characters[i + 1]):
                word.append(characters[i + 1])
                i += 2
            default:
                word.append(characters[i])
                i += 1
            }
        }
        throw GraphSyntaxError(offset: open, message: "unterminated \" quote")
    }
}
