/// English numbers in words and digits, both ways.
///
/// Recognizers spell numbers out ("twenty five"), people typing use digits; every slot type that
/// holds a number (number, date, time) reads both through here, and the grammar writer spells
/// numbers with the same words so that what the recognizer may say is what the parser reads.
enum NumberWords {
    static let small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let smallOrdinals = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                                "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                                "seventeenth", "eighteenth", "nineteenth"]
    static let tensOrdinals = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"]

    private static let smallValues = Dictionary(uniqueKeysWithValues: small.enumerated().map { ($1, $0) })
    private static let tensValues = Dictionary(uniqueKeysWithValues: tens.enumerated().filter { !$1.isEmpty }.map { ($1, $0 * 10) })
    private static let smallOrdinalValues = Dictionary(uniqueKeysWithValues: smallOrdinals.enumerated().dropFirst().map { ($1, $0) })
    private static let tensOrdinalValues = Dictionary(uniqueKeysWithValues: tensOrdinals.enumerated().filter { !$1.isEmpty }.map { ($1, $0 * 10) })

    /// The value of a number written as one token: digits, or one word up to "ninety".
    static func singleWordValue(_ word: String) -> Int? {
        if let value = digits(word) { return value }
        return smallValues[word] ?? tensValues[word]
    }

    /// A token of at most nine digits.
    static func digits(_ word: String) -> Int? {
        guard !word.isEmpty, word.count <= 9, word.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(word)
    }

    /// The longest cardinal number at the start of `words`, with how many words it took:
    /// digits (`25`), or words up to the hundreds of thousands ("two thousand and twenty six",
    /// "a hundred", "twenty five").
    static func cardinal(_ words: ArraySlice<String>) -> (value: Int, length: Int)? {
        guard let first = words.first else { return nil }
        if let value = digits(first) { return (value, 1) }
        let start = words.startIndex
        guard var (value, next) = belowThousand(words, from: start) else { return nil }
        if next < words.endIndex, words[next] == "thousand" {
            value *= 1000
            next += 1
            if let (rest, end) = afterAnd(words, from: next, belowThousand) {
                value += rest
                next = end
            }
        }
        return (value, next - start)
    }

    /// The longest ordinal at the start of `words`: `5th`, "fifth", "twenty first", "thirtieth".
    static func ordinal(_ words: ArraySlice<String>) -> (value: Int, length: Int)? {
        guard let first = words.first else { return nil }
        let start = words.startIndex
        if first.count > 2, ["st", "nd", "rd", "th"].contains(String(first.suffix(2))), let value = digits(String(first.dropLast(2))) {
            return (value, 1)
        }
        if let value = smallOrdinalValues[first] ?? tensOrdinalValues[first] { return (value, 1) }
        if let ten = tensValues[first], start + 1 < words.endIndex, let unit = smallOrdinalValues[words[start + 1]], unit < 10 {
            return (ten + unit, 2)
        }
        return nil
    }

    /// `n` in words, as a recognizer would say it: 2026 → "two thousand twenty six".
    static func spell(_ n: Int) -> String {
        if n < 0 { return "minus " + spell(-n) }
        if n < 20 { return small[n] }
        if n < 100 { return tens[n / 10] + (n % 10 == 0 ? "" : " " + small[n % 10]) }
        if n < 1000 { return small[n / 100] + " hundred" + (n % 100 == 0 ? "" : " " + spell(n % 100)) }
        if n < 1_000_000 { return spell(n / 1000) + " thousand" + (n % 1000 == 0 ? "" : " " + spell(n % 1000)) }
        return String(n)
    }

    /// `n` as an ordinal in words: 21 → "twenty first".
    static func spellOrdinal(_ n: Int) -> String {
        if n < 20 { return smallOrdinals[n] }
        if n < 100 { return n % 10 == 0 ? tensOrdinals[n / 10] : tens[n / 10] + " " + smallOrdinals[n % 10] }
        return spell(n)
    }

    private static func belowHundred(_ words: ArraySlice<String>, from i: Int) -> (Int, Int)? {
        guard i < words.endIndex else { return nil }
        if let value = smallValues[words[i]] { return (value, i + 1) }
        guard let ten = tensValues[words[i]] else { return nil }
        if i + 1 < words.endIndex, let unit = smallValues[words[i + 1]], (1...9).contains(unit) { return (ten + unit, i + 2) }
        return (ten, i + 1)
    }

    private static func belowThousand(_ words: ArraySlice<String>, from i: Int) -> (Int, Int)? {
        guard i < words.endIndex else { return nil }
        var value: Int
        var next: Int
        if words[i] == "a", i + 1 < words.endIndex, words[i + 1] == "hundred" || words[i + 1] == "thousand" {
            (value, next) = (1, i + 1)
        } else if let (below, end) = belowHundred(words, from: i) {
            (value, next) = (below, end)
        } else {
            return nil
        }
        if value >= 1, value <= 9, next < words.endIndex, words[next] == "hundred" {
            value *= 100
            next += 1
            if let (rest, end) = afterAnd(words, from: next, belowHundred) {
                value += rest
                next = end
            }
        }
        return (value, next)
    }

    /// A number part after an optional "and" ("a hundred and five"); the "and" is only taken
    /// when a number follows it.
    private static func afterAnd(_ words: ArraySlice<String>, from i: Int,
                                 _ part: (ArraySlice<String>, Int) -> (Int, Int)?) -> (Int, Int)? {
        if i < words.endIndex, words[i] == "and", let found = part(words, i + 1) { return found }
        return part(words, i)
    }
}
