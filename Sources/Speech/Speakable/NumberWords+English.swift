/// Numbers in English words, as a person reads them aloud: "forty-two", "one thousand two
/// hundred" (no "and", as most voices' own readings), years in pairs ("twenty twenty-six").
enum EnglishNumberWords {
    static let ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                       "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    private static let scales = [(1_000_000_000_000_000_000, "quintillion"), (1_000_000_000_000_000, "quadrillion"),
                                 (1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million"),
                                 (1000, "thousand")]
    /// Crores and lakhs, for numbers grouped the Indian way (`1,50,000`).
    private static let indianScales = [(10_000_000, "crore"), (100_000, "lakh"), (1000, "thousand")]
    /// Last words whose ordinal is not the word plus "th".
    private static let irregularOrdinals = ["one": "first", "two": "second", "three": "third", "five": "fifth",
                                            "eight": "eighth", "nine": "ninth", "twelve": "twelfth"]

    static func cardinal(_ n: Int, indian: Bool = false) -> String {
        if n < 0 { return "minus " + cardinal(n == Int.min ? Int.max : -n, indian: indian) }
        if n < 20 { return ones[n] }
        if n < 100 { return tens[n / 10] + (n % 10 == 0 ? "" : "-" + ones[n % 10]) }
        if n < 1000 { return ones[n / 100] + " hundred" + (n % 100 == 0 ? "" : " " + cardinal(n % 100)) }
        for (scale, name) in indian ? indianScales : scales where n >= scale {
            let rest = n % scale
            return cardinal(n / scale, indian: indian) + " " + name + (rest == 0 ? "" : " " + cardinal(rest, indian: indian))
        }
        return String(n)
    }

    /// 22 → "twenty-second": the cardinal with its last word made ordinal.
    static func ordinal(_ n: Int) -> String {
        let words = cardinal(n)
        let cut = words.lastIndex(where: { $0 == " " || $0 == "-" }).map { words.index(after: $0) } ?? words.startIndex
        let last = String(words[cut...])
        let ordinal = irregularOrdinals[last] ?? (last.hasSuffix("y") ? last.dropLast() + "ieth" : last + "th")
        return words[..<cut] + ordinal
    }

    /// A year as it is said: 1999 → "nineteen ninety-nine", 1905 → "nineteen oh five",
    /// 1900 → "nineteen hundred", 2000 to 2009 → "two thousand (five)", 2026 → "twenty
    /// twenty-six". Outside 1000–9999, the cardinal.
    static func year(_ n: Int) -> String {
        guard (1000...9999).contains(n) else { return cardinal(n) }
        let (century, rest) = (n / 100, n % 100)
        if n % 1000 < 10 && n / 1000 != 1 || n % 1000 == 0 { return cardinal(n) }
        if rest == 0 { return cardinal(century) + " hundred" }
        return cardinal(century) + (rest < 10 ? " oh " : " ") + cardinal(rest)
    }

    /// A decade or a year said in the plural: 1990 → "nineteen nineties", 80 → "eighties".
    static func plural(_ words: String) -> String {
        words.hasSuffix("y") ? words.dropLast() + "ies" : words + "s"
    }

    /// `digits`: ASCII digits, as readers hand them over.
    static func digits(_ digits: String) -> String {
        digits.utf8.map { ones[Int($0 &- 48) % 10] }.joined(separator: " ")
    }
}
