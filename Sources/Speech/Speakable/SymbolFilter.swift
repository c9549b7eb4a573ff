/// Drops what a synthesizer would read out by name or stumble on: emoji, pictographs, arrows,
/// stars and boxes, trade marks, stray Markdown marks (`*`, `\`, `|`, `^`), invisible format
/// characters. Keeps letters, digits and the marks that ride on them (Devanagari vowel signs,
/// the joiners that shape conjuncts), ordinary punctuation (the danda too), currency signs,
/// `°`, and the arithmetic signs voices say well (+ = < > ± × ÷).
///
/// Where something is dropped, the spacing closes up: no double space, no space before a comma,
/// and two words it stood between stay apart ("A→B" → "A B"). Before a digit, `~` is "about"
/// and `#` is "number".
enum SymbolFilter {
    private static let keptSymbols: Set<Unicode.Scalar> = ["°", "℃", "℉", "+", "=", "<", ">", "±", "×", "÷"]
    private static let droppedPunctuation: Set<Unicode.Scalar> = ["*", "\\", "†", "‡", "§", "¶", "•", "‣", "※", "⁂", "#", "·"]
    private static let hyphens: Set<Unicode.Scalar> = ["\u{2010}", "\u{2011}", "\u{2212}"]
    private static let joiners: Set<Unicode.Scalar> = ["\u{200C}", "\u{200D}"]
    private static let closing: Set<Character> = [",", ".", ";", ":", "!", "?", ")", "]", "।", "॥", "\n"]

    static func filter(_ text: String, voice: SpokenLanguage) -> String {
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var dropped = false
        for (index, character) in chars.enumerated() {
            var kept = String.UnicodeScalarView()
            if let replaced = replacement(chars, at: index, voice: voice) {
                kept.append(contentsOf: replaced.unicodeScalars)
            } else if !isEmoji(character) {
                for scalar in character.unicodeScalars {
                    if let scalar = filtered(scalar, in: chars, at: index) { kept.append(scalar) }
                }
            } else if let keycap = character.unicodeScalars.first, character.unicodeScalars.contains("\u{20E3}"),
                      keycap.properties.numericType != nil {
                kept.append(keycap)
            }
            guard !kept.isEmpty else {
                dropped = true
                continue
            }
            let next = Character(kept.first!)
            if dropped {
                dropped = false
                if next == " ", out.last.map({ $0 == " " || $0 == "\n" }) ?? true { continue }
                if closing.contains(next), out.last == " " { out.removeLast() }
                if next.isWordCharacter, out.last?.isWordCharacter == true { out.append(" ") }
            }
            out.unicodeScalars.append(contentsOf: kept)
        }
        return out
    }

    /// A pictograph: any part shown as emoji by default, or an emoji character past Latin-1
    /// (digits, `#` and `*` are emoji characters too, in keycaps).
    private static func isEmoji(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.properties.isEmojiPresentation || ($0.properties.isEmoji && $0.value > 0xFF) }
    }

    /// `~` and `#` before a digit, said as words.
    private static func replacement(_ chars: [Character], at index: Int, voice: SpokenLanguage) -> String? {
        guard chars[index] == "~" || chars[index] == "#", index + 1 < chars.count, let next = chars[index + 1].decimalDigit.map({ _ in chars[index + 1] }) else {
            return nil
        }
        let language = ReadingContext(voice: voice, chars: chars, at: index).language(devanagariDigits: next.isDevanagariDigit)
        return language.word(chars[index] == "~" ? .about : .number) + " "
    }

    private static func filtered(_ scalar: Unicode.Scalar, in chars: [Character], at index: Int) -> Unicode.Scalar? {
        if hyphens.contains(scalar) { return "-" }
        switch scalar.properties.generalCategory {
        case .control: return scalar == "\n" ? scalar : scalar == "\t" ? " " : nil
        case .format: return joiners.contains(scalar) ? scalar : nil
        case .spaceSeparator: return " "
        case .lineSeparator, .paragraphSeparator: return "\n"
        case .privateUse, .unassigned, .surrogate, .modifierSymbol: return nil
        case .otherSymbol, .mathSymbol: return keptSymbols.contains(scalar) ? scalar : nil
        case .connectorPunctuation:
            // An underscore inside a name (snake_case) is read; emphasis marks around words are not.
            let inside = index > 0 && index + 1 < chars.count && chars[index - 1].isWordCharacter && chars[index + 1].isWordCharacter
            return inside ? scalar : nil
        case .otherPunctuation: return droppedPunctuation.contains(scalar) ? nil : scalar
        default: return scalar
        }
    }
}
