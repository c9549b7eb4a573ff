/// E-mail addresses and web addresses, said the way people say them: "help@clinic.in" → "help
/// at clinic dot in"; "https://www.clinic.in/book-now" → "clinic dot in slash book dash now".
///
/// The scheme and "www." are left out, as nobody says them any more; a query or fragment
/// (`?id=3`, `#top`) is dropped, as no caller could type it from hearing it. A bare domain is
/// an address only with a well-known ending ("clinic.in", not "Node.js" or "e.g."). Addresses
/// are said in English words whatever the voice: they are Latin text, which espeak-ng's Hindi
/// voice reads with its English rules, and Indian speakers say "at" and "dot" too.
struct AddressReader: SpanReader {
    static let domainEndings: Set<String> = ["com", "in", "org", "net", "io", "co", "ai", "gov", "edu", "info", "app", "dev",
                                             "uk", "us", "me", "biz", "health", "care", "clinic", "online", "store", "shop"]
    private static let spokenMarks: [Character: String] = ["." : "dot", "_": "underscore", "-": "dash", "+": "plus", "/": "slash",
                                                           "~": "tilde", "=": "equals", "&": "and", "%": "percent"]
    /// Punctuation that ends a sentence or clause after an address rather than belonging to it.
    private static let trailing: [UInt8] = Array(".,;:!?)]'\"".utf8)

    func mayStart(at lead: Unicode.Scalar, wordStart: Bool) -> Bool {
        wordStart && lead.isASCII && lead.isWordScalar
    }

    func read(_ cursor: inout TextCursor, _ context: ReadingContext) -> String? {
        let bytes = cursor.text.bytes
        var end = cursor.at
        // Addresses are ASCII: "help@clinic.in पर" ends before the Hindi, glued or not.
        while end < bytes.count, bytes[end] > 32, bytes[end] < 127 { end += 1 }
        while end > cursor.at, Self.trailing.contains(bytes[end - 1]) { end -= 1 }
        guard bytes[cursor.at..<end].contains(where: { $0 == 64 || $0 == 46 }) else { return nil } // "@", "."
        let token = String(cursor.chars[cursor.at..<end])
        guard let said = token.contains("@") ? Self.email(token) : Self.url(token) else { return nil }
        cursor.at = end
        return said
    }

    static func email(_ token: String) -> String? {
        let parts = token.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, !local.isEmpty,
              local.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._%+-".contains($0)) }),
              let domain = host(String(parts[1]), anyEnding: true) else { return nil }
        return spell(local) + " at " + domain
    }

    static func url(_ token: String) -> String? {
        var rest = Substring(token)
        var schemed = false
        for scheme in ["https://", "http://"] where rest.lowercased().hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
            schemed = true
        }
        if rest.lowercased().hasPrefix("www.") {
            rest = rest.dropFirst(4)
            schemed = true
        }
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        guard let host = host(String(rest[..<slash]), anyEnding: schemed) else { return nil }
        let path = rest[slash...].split(separator: "/").filter { !$0.isEmpty }
        guard path.allSatisfy({ $0.allSatisfy { $0.isASCII && !$0.isWhitespace } }) else { return nil }
        return ([host] + path.map(spell)).joined(separator: " slash ")
    }

    /// "clinic.in" → "clinic dot in"; nil unless it is labels of letters, digits and hyphens
    /// and (for a bare one) a known ending.
    private static func host(_ text: String, anyEnding: Bool = false) -> String? {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, last.count >= 2, last.contains(where: \.isLetter),
              anyEnding || last.allSatisfy(\.isLetter),
              labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }),
              anyEnding || (domainEndings.contains(String(last)) && last.allSatisfy(\.isLowercase)) else { return nil }
        return labels.map(spell).joined(separator: " dot ")
    }

    /// Letters as they are, digits one by one, marks by name: "ravi_k.2" → "ravi underscore k dot two".
    static func spell(_ text: Substring) -> String {
        var words: [String] = []
        var run = ""
        func flush() {
            if !run.isEmpty { words.append(run) }
            run = ""
        }
        for character in text {
            if let digit = character.decimalDigit {
                flush()
                words.append(EnglishNumberWords.ones[digit])
            } else if let mark = spokenMarks[character] {
                flush()
                words.append(mark)
            } else if character.isLetter {
                run.append(character)
            }
        }
        flush()
        return words.joined(separator: " ")
    }
}
