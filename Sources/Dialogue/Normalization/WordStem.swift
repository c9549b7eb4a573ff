/// A light English stemmer: enough that "fridays", "opening" and "booked" meet "friday",
/// "open" and "book" — suffixes only, never a word of three letters or fewer.
enum WordStem {
    /// Words that only look inflected.
    private static let whole: Set<String> = ["morning", "evening", "nothing", "something", "anything", "everything",
                                             "during", "bring", "thing", "always", "perhaps", "yes", "this", "was", "has",
                                             "does", "is", "us", "bus", "plus", "news", "series", "need", "speed"]

    static func stem(_ word: String) -> String {
        guard word.count > 3, word.allSatisfy(\.isLetter), !whole.contains(word) else { return word }
        for (suffix, keep) in [("ings", 4), ("ing", 3), ("ies", 3), ("ed", 2), ("es", 2), ("s", 1)] where word.hasSuffix(suffix) {
            let base = String(word.dropLast(keep))
            guard base.count >= 3 else { continue }
            switch suffix {
            case "ies": return base + "y"
            case "es" where !(base.hasSuffix("s") || base.hasSuffix("x") || base.hasSuffix("ch") || base.hasSuffix("sh")):
                return String(word.dropLast(1))  // "closes" → "close", "times" → "time"
            case "s" where base.hasSuffix("s") || base.hasSuffix("u") || base.hasSuffix("i"):
                return word  // "class", "bus", "this"
            case "ing", "ings", "ed":
                // "booking" → "book", "shopping" → "shop", "closed" → "close" is not needed: both stem alike
                if let last = base.last, base.count > 3, base.dropLast().last == last, !"lsz".contains(last) {
                    return String(base.dropLast())
                }
                return base
            default: return base
            }
        }
        return word
    }
}
