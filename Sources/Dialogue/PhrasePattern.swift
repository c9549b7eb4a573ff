/// A phrase a caller may say, with `{slot}` placeholders: "i need an appointment {date} at {time}".
///
/// One form serves two readers: the engine matches utterances against it, and the grammar
/// writer turns it into a JSGF alternative with each placeholder replaced by its slot's rule, so
/// the embedded recognizer can only hear what the script understands.
struct PhrasePattern: Sendable {
    enum Element: Sendable {
        case word(Token)
        case slot(String)
    }

    var source: String
    var elements: [Element]

    init(_ source: String) {
        self.source = source
        var elements: [Element] = []
        for part in ReplyTemplate(source).parts {
            switch part {
            case .text(let text): elements += Utterance(text).tokens.map(Element.word)
            case .slot(let name): elements.append(.slot(name))
            }
        }
        self.elements = elements
    }

    var slotNames: [String] {
        elements.compactMap { if case .slot(let name) = $0 { name } else { nil } }
    }

    var literalCount: Int { elements.count - slotNames.count }

    /// The literal words, placeholders left out.
    var words: [Token] {
        elements.compactMap { if case .word(let token) = $0 { token } else { nil } }
    }

    /// The slot values if the whole utterance is this phrase, each placeholder spanning words
    /// that read as one value of its slot's type; nil otherwise. Longer spans are tried first.
    func match(_ utterance: Utterance, slots: [String: SlotDefinition], today: CalendarDay) -> [String: String]? {
        let tokens = utterance.tokens
        let context = ExtractionContext(today: today, mode: .expected)
        func match(element e: Int, token t: Int) -> [String: String]? {
            guard e < elements.count else { return t == tokens.count ? [:] : nil }
            switch elements[e] {
            case .word(let word):
                guard t < tokens.count, tokens[t].matchKey == word.matchKey else { return nil }
                return match(element: e + 1, token: t + 1)
            case .slot(let name):
                guard let slot = slots[name] else { return nil }
                // Leave at least one token for each literal word still to come.
                let remainingWords = elements[(e + 1)...].filter { if case .word = $0 { true } else { false } }.count
                var end = tokens.count - remainingWords
                while end > t {
                    if let value = slot.extractor.value(of: tokens[t..<end], context: context),
                       var rest = match(element: e + 1, token: end) {
                        rest[name] = value
                        return rest
                    }
                    end -= 1
                }
                return nil
            }
        }
        return match(element: 0, token: 0)
    }
}
