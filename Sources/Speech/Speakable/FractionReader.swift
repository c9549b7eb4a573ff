/// Two numbers joined by a slash that are not a date (`DateReader` reads first): the common
/// fractions ("3/4" → "three quarters", "तीन चौथाई"), and other pairs said with "over", as a
/// blood pressure is read ("120/80" → "one hundred twenty over eighty"; "बटा" in Hindi).
/// "24/7" and "50/50" are said as the idioms they are.
struct FractionReader: SpanReader {
    private static let english: [[Int]: String] = [
        [1, 2]: "one half", [1, 3]: "one third", [2, 3]: "two thirds", [1, 4]: "one quarter", [3, 4]: "three quarters",
        [24, 7]: "twenty-four seven", [50, 50]: "fifty-fifty",
    ]
    private static let hindi: [[Int]: String] = [
        [1, 2]: "आधा", [1, 4]: "एक चौथाई", [3, 4]: "तीन चौथाई", [1, 3]: "एक तिहाई", [2, 3]: "दो तिहाई",
    ]

    func read(_ cursor: inout TextCursor, _ context: ReadingContext) -> String? {
        let start = cursor.at
        guard cursor.atWordStart, let top = cursor.digits(1...6), cursor.take("/"), let bottom = cursor.digits(1...6),
              cursor.atWordEnd, !(cursor.current == "/" && cursor.peek(1)?.decimalDigit != nil),
              let numerator = Int(top), let denominator = Int(bottom) else { return nil }
        let devanagari = cursor.chars[start..<cursor.at].contains { $0.isDevanagariDigit }
        let language = context.language(devanagariDigits: devanagari)
        if let words = (language == .hindi ? Self.hindi : Self.english)[[numerator, denominator]] { return words }
        return language.cardinal(numerator) + " " + language.word(.over) + " " + language.cardinal(denominator)
    }
}
