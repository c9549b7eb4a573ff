/// Phone numbers and other long digit strings, digit by digit in the groups they are written
/// in, a short pause (a comma) between groups: "+91 98765 43210" → "plus nine one, nine eight
/// seven six five, four three two one zero"; "555-0123", "(022) 2345 6789", "1-800-555-0199".
///
/// Groups joined by hyphens or dots are a phone number when they cannot be a range: three or
/// more groups, ten digits or more, a group starting with 0, or groups of unequal length with
/// seven digits or more ("555-0123"; "1000-2000" stays a range). Groups joined by spaces need a
/// "+" or a bracket before them, or a group of four digits or more ("98765 43210", not "100 200");
/// groups joined by dots, three digits each at least ("555.123.4567", not "192.168.1.1").
/// A bare run of six digits or more (a PIN code, an order number) or one starting with 0 is
/// an identifier, said the same way: "110001" → "one one zero, zero zero one".
struct PhoneNumberReader: SpanReader {
    private static let separators = "-. "

    func mayStart(at lead: Unicode.Scalar, wordStart: Bool) -> Bool {
        lead.isDecimalDigit || lead == "+" || lead == "("
    }

    func read(_ cursor: inout TextCursor, _ context: ReadingContext) -> String? {
        guard cursor.atWordStart else { return nil }
        let start = cursor.at
        let plus = cursor.take("+")
        var groups: [String] = []
        var separators: Set<Character> = []
        var bracketed = false
        while true {
            var probe = cursor
            let separator = groups.isEmpty ? nil : probe.take(anyOf: Self.separators)
            // An area code in brackets: "(022) 2345 6789", "+1 (555) 123-4567".
            let open = probe.take("(")
            guard groups.isEmpty || separator != nil || open, let group = probe.digits(1...15) else { break }
            if open {
                guard probe.take(")") else { break }
                bracketed = true
            }
            if let separator { separators.insert(separator) }
            groups.append(group)
            cursor = probe
        }
        guard !groups.isEmpty else { return nil }
        guard cursor.atWordEnd, !(cursor.current == "," && cursor.peek(1)?.decimalDigit != nil),
              !(cursor.current == "." && cursor.peek(1)?.decimalDigit != nil),
              Self.isPhoneNumber(groups, marked: plus || bracketed, separators: separators) else { return nil }
        let devanagari = cursor.chars[start..<cursor.at].contains { $0.isDevanagariDigit }
        let language = context.language(devanagariDigits: devanagari)
        let digits = (groups.count == 1 ? Self.split(groups[0]) : groups).map(language.digits)
        return (plus ? language.word(.plus) + " " : "") + digits.joined(separator: ", ")
    }

    static func isPhoneNumber(_ groups: [String], marked: Bool, separators: Set<Character>) -> Bool {
        let total = groups.reduce(0) { $0 + $1.count }
        guard total <= 15 else { return false }
        if groups.count == 1 {
            return marked ? total >= 6 : total >= 6 || (total >= 2 && groups[0].hasPrefix("0"))
        }
        guard total >= 7 else { return marked && total >= 5 }
        if marked { return true }
        if separators.contains(" "), !groups.contains(where: { $0.count >= 4 }) { return false }
        // "555.123.4567", but not an IP address ("192.168.1.1") or a version.
        if separators.contains("."), groups.contains(where: { $0.count < 3 }) { return false }
        return groups.count >= 3 || total >= 10 || groups.contains { $0.hasPrefix("0") } || Set(groups.map(\.count)).count > 1
    }

    /// An unbroken run in groups of three, the last of four where one would be left alone;
    /// ten digits (an Indian mobile number) as five and five.
    static func split(_ digits: String) -> [String] {
        let characters = Array(digits)
        if characters.count <= 4 { return [digits] }
        if characters.count == 10 { return [String(characters[..<5]), String(characters[5...])] }
        var groups: [String] = []
        var index = 0
        while index < characters.count {
            let left = characters.count - index
            let size = left == 4 ? 4 : min(3, left)
            groups.append(String(characters[index..<index + size]))
            index += size
        }
        return groups
    }
}
