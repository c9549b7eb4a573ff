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
    /// Printable ASCII that needs a closer look; the rest is kept as it is, quickly.
    private static let careful: [Bool] = (0..<128).map { "*\\^`|~#_".unicodeScalars.contains(Unicode.Scalar(UInt8($0))) }
    private static let hyphens: Set<Unicode.Scalar> = ["\u{2010}", "\u{2011}", "\u{2212}"]
    private static let joiners: Set<Unicode.Scalar> = ["\u{200C}", "\u{200D}"]
    /// Variation selectors: they only choose how a symbol is drawn.
    private static let selectors: Set<Unicode.Scalar> = ["\u{FE0E}", "\u{FE0F}"]
    private static let closing: Set<Character> = [",", ".", ";", ":", "!", "?", ")", "]", "।", "॥", "\n"]

    static func filter(_ text: String, voice: SpokenLanguage) -> String {
        guard !isPlain(text) else { return text }
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var dropped = false
        for index in chars.indices {
            let kept = kept(chars, at: index, voice: voice)
            guard let next = kept.first else {
                dropped = true
                continue
            }
            if dropped {
                dropped = false
                if next == " ", out.last.map({ $0 == " " || $0 == "\n" }) ?? true { continue }
                if closing.contains(next), out.last == " " { out.removeLast() }
                if next.isWordCharacter, out.last?.isWordCharacter == true { out.append(" ") }
            }
            out += kept
        }
        return out
    }

    /// Nothing to drop or change: printable ASCII with nothing to look at closely, line breaks,
    /// Devanagari, Latin letters with accents, and typographic punctuation. Most sentences.
    private static func isPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x20..<0x7F: !careful[Int(scalar.value)]
            case 0x0A, 0xC0...0x24F, 0x900...0x97F: true
            default: plainScalars.contains(scalar)
            }
        }
    }

    private static let plainScalars: Set<Unicode.Scalar> = ["₹", "€", "£", "°", "–", "—", "‘", "’", "“", "”", "…", "«", "»"]

    /// What is kept of the character at `index`: itself, part of it, a word for it, or nothing.
    private static func kept(_ chars: [Character], at index: Int, voice: SpokenLanguage) -> String {
        let character = chars[index]
        if let ascii = character.asciiValue, ascii >= 32, ascii < 127, !careful[Int(ascii)] { return String(character) }
        if let replaced = replacement(chars, at: index, voice: voice) { return replaced }
        if character.unicodeScalars.contains("\u{20E3}") {
            // A keycap (1️⃣) is its digit.
            guard let base = character.unicodeScalars.first, base.properties.numericType != nil else { return "" }
            return String(base)
        }
        if isEmoji(character) { return "" }
        var kept = String.UnicodeScalarView()
        for scalar in character.unicodeScalars {
            if let scalar = filtered(scalar, in: chars, at: index) { kept.append(scalar) }
        }
        // A joiner shapes a letter's conjunct; after anything else (a digit, alone) it joins nothing.
        if !(kept.first?.properties.isAlphabetic ?? false) { kept.removeAll(where: joiners.contains) }
        return String(kept)
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
        if selectors.contains(scalar) { return nil }
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
        case .otherPunctuation:
            // "#" after a word is part of it (a URL's fragment, "C#"); before one, a hashtag's mark.
            if scalar == "#", index > 0, chars[index - 1].isWordCharacter || chars[index - 1] == "/" { return scalar }
            return droppedPunctuation.contains(scalar) ? nil : scalar
        default: return scalar
        }
    }
}
