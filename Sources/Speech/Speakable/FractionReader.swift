/// Two numbers joined by a slash that are not a date: fractions ("3/4" → "three quarters",
/// "2/3" → "two thirds"; "तीन चौथाई"), and other pairs said with "over" ("120/80" → "one
/// hundred twenty over eighty", as a blood pressure is read; "बटा" in Hindi). "24/7" is
/// "twenty-four seven".
struct FractionReader: SpanReader {
    private static let hindiFractions: [[Int]: String] = [
        [1, 2]: "आधा", [1, 4]: "एक चौथाई", [3, 4]: "तीन चौथाई", [1, 3]: "एक तिहाई", [2, 3]: "दो तिहाई",
    ]

    func read(_ cursor: inout TextCursor, _ context: ReadingContext) -> String? {
        let start = cursor.at
        guard cursor.atWordStart, let top = cursor.digits(1...6), cursor.take("/"), let bottom = cursor.digits(1...6),
              cursor.atWordEnd, !(cursor.current == "/" && cursor.peek(1)?.decimalDigit != nil),
              let numerator = Int(top), let denominator = Int(bottom) else { return nil }
        let devanagari = cursor.chars[start..<cursor.at].contains { $0.isDevanagariDigit }
        let language = context.language(devanagariDigits: devanagari)
        if language == .hindi, let words = Self.hindiFractions[[numerator, denominator]] { return words }
        if language == .english, numerator == 24, denominator == 7 { return "twenty-four seven" }
        if language == .english, (2...10).contains(denominator), (1..<denominator).contains(numerator) {
            let name = denominator == 2 ? "half" : denominator == 4 ? "quarter" : EnglishNumberWords.ordinal(denominator)
            return EnglishNumberWords.cardinal(numerator) + " " + (numerator == 1 ? name : name == "half" ? "halves" : name + "s")
        }
        return language.cardinal(numerator) + " " + language.word(.over) + " " + language.cardinal(denominator)
    }
}
