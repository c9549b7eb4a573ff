/// Markdown within a line: code spans keep their text, links and images their text (`[Book
/// now](https://…)` → "Book now"), autolinks their address, HTML tags go, and struck-out text
/// (`~~$10~~`) goes with its marks: the writer withdrew it, and saying it would confuse.
///
/// Anything that does not close on the line (a lone `[`, a lone backtick) is left as written.
enum MarkdownInline {
    /// The characters that can begin inline Markdown, by byte: a line without them is left alone.
    private static let markupBytes: [Bool] = (0..<256).map { "`[!<~".utf8.contains(UInt8($0)) }

    static func hasMarkup<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        bytes.withContiguousStorageIfAvailable { buffer in buffer.contains { markupBytes[Int($0)] } }
            ?? bytes.contains { markupBytes[Int($0)] }
    }
    /// The HTML that answers carry; "<the 5 best>" is not a tag.
    private static let tags: Set<String> = ["a", "b", "i", "u", "s", "em", "strong", "br", "p", "span", "div", "small", "sup", "sub",
                                            "code", "pre", "ul", "ol", "li", "del", "ins", "mark", "font", "img", "hr", "h1", "h2",
                                            "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "blockquote", "details", "summary"]

    static func strip<S: StringProtocol>(_ line: S) -> String {
        guard hasMarkup(line.utf8) else { return String(line) }
        let chars = Array(line)
        var out = ""
        var index = 0
        while index < chars.count {
            if let (said, end) = span(chars, at: index) {
                out += said
                index = end
                // What went without a trace leaves no double space behind.
                if said.isEmpty, out.last == " ", index < chars.count, chars[index] == " " { index += 1 }
            } else {
                out.append(chars[index])
                index += 1
            }
        }
        return out
    }

    /// The text of the Markdown span starting at `index`, and where it ends.
    private static func span(_ chars: [Character], at index: Int) -> (String, Int)? {
        switch chars[index] {
        case "`": return codeSpan(chars, at: index)
        case "[": return link(chars, at: index)
        case "!" where index + 1 < chars.count && chars[index + 1] == "[": return link(chars, at: index + 1)
        case "<": return angled(chars, at: index)
        case "~" where index + 1 < chars.count && chars[index + 1] == "~":
            guard let close = find(["~", "~"], in: chars, from: index + 2) else { return nil }
            return ("", close + 2)
        default: return nil
        }
    }

    /// `` `code` `` and ``` `` co`de `` ```: the run of backticks closes on an equal run.
    private static func codeSpan(_ chars: [Character], at index: Int) -> (String, Int)? {
        var width = 0
        while index + width < chars.count, chars[index + width] == "`" { width += 1 }
        let fence = Array(repeating: Character("`"), count: width)
        var from = index + width
        while let close = find(fence, in: chars, from: from) {
            let end = close + width
            if end < chars.count, chars[end] == "`" {
                from = end
                continue
            }
            let inner = String(chars[(index + width)..<close])
            let trimmed = inner.count >= 2 && inner.first == " " && inner.last == " " ? String(inner.dropFirst().dropLast()) : inner
            return (trimmed, end)
        }
        return nil
    }

    /// `[text](url "title")`, `[text][ref]` and `![alt](src)` → the text, itself stripped.
    private static func link(_ chars: [Character], at index: Int) -> (String, Int)? {
        guard let close = find(["]"], in: chars, from: index + 1), close + 1 < chars.count else { return nil }
        let text = strip(String(chars[(index + 1)..<close]))
        switch chars[close + 1] {
        case "(":
            var depth = 0
            for end in (close + 1)..<chars.count {
                if chars[end] == "(" { depth += 1 }
                if chars[end] == ")" { depth -= 1 }
                if depth == 0 { return (text, end + 1) }
            }
            return nil
        case "[":
            guard let end = find(["]"], in: chars, from: close + 2) else { return nil }
            return (text, end + 1)
        default:
            return nil
        }
    }

    /// `<https://clinic.in>` and `<help@clinic.in>` → the address; `<b>`, `</p>`, `<br/>` → nothing
    /// (a line break's tag, a space). "< 5" and "a<b" are not tags.
    private static func angled(_ chars: [Character], at index: Int) -> (String, Int)? {
        guard let close = find([">"], in: chars, from: index + 1) else { return nil }
        let inner = String(chars[(index + 1)..<close])
        guard !inner.isEmpty, !inner.contains(" ") || inner.first?.isLetter == true else { return nil }
        if inner.hasPrefix("http://") || inner.hasPrefix("https://") || (inner.contains("@") && !inner.contains(" ")) {
            return (inner, close + 1)
        }
        let closing = inner.hasPrefix("/")
        let name = inner.dropFirst(closing ? 1 : 0).prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        let after = inner.dropFirst((closing ? 1 : 0) + name.count)
        guard tags.contains(name.lowercased()), after.isEmpty || after.trimmingSpaces == "/" || isAttribute(after) else { return nil }
        return (name.lowercased() == "br" ? " " : "", close + 1)
    }

    /// ` href="…"`, ` class=x`: what follows a tag's name in a real tag ("<s three…>" is not one).
    private static func isAttribute(_ text: Substring) -> Bool {
        guard text.first == " " else { return false }
        let rest = text.drop { $0 == " " }
        let name = rest.prefix { $0.isASCII && ($0.isLetter || $0 == "-") }
        return !name.isEmpty && rest.dropFirst(name.count).first == "="
    }

    private static func find(_ needle: [Character], in chars: [Character], from start: Int) -> Int? {
        guard start <= chars.count - needle.count else { return nil }
        for index in start...(chars.count - needle.count) where chars[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }
}
