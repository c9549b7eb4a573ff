/// Takes the Markdown out of text written for a screen, keeping what it marks up: headings,
/// list items, quotes and table rows lose their markers, links keep their text
/// (`MarkdownInline`). Emphasis marks (`*`, `_`) are left to `SymbolFilter`, which drops every
/// stray one.
///
/// A fenced code block is dropped whole, fences and all: a caller cannot follow code by ear,
/// and reading it aloud would be a minute of symbols. Inline code keeps its text
/// (`` `help@clinic.in` ``), which is how answers mark a value to type. A heading, list item or
/// table row that does not end in punctuation gets a full stop when more text follows, so the
/// voice pauses between items instead of running them together. Lines without Markdown come
/// out as they went in.
enum MarkdownStripper {
    private static let bullets: Set<Character> = ["-", "*", "+", "•", "‣", "◦", "▪", "▸", "►"]

    static func strip(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 == 10 || $0 == 13 }), isPlain(Substring(text)) { return text }
        var lines: [(text: String, isItem: Bool)] = []
        var fence: Substring?
        var changed = false
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if fence == nil, isPlain(line) {
                lines.append((String(line), false))
                continue
            }
            let content = line.drop { $0 == " " || $0 == "\t" }
            let indent = line.count - content.count
            if let open = fence {
                if content.hasPrefix(open) { fence = nil }
                changed = true
                continue
            }
            if indent <= 3, content.hasPrefix("```") || content.hasPrefix("~~~") {
                fence = content.prefix(3)
                changed = true
                continue
            }
            if isRule(content) || isTableSeparator(content) || isReferenceDefinition(content) {
                changed = true
                continue
            }
            if var item = blockContent(content, indent: indent) {
                // Markers nest: "> - item", "- - item".
                while let inner = blockContent(item, indent: 0), inner.count < item.count { item = inner }
                let said = MarkdownInline.strip(item)
                changed = true
                if !said.isEmpty { lines.append((said, true)) }
                continue
            }
            let said = MarkdownInline.strip(line)
            changed = changed || said != line
            if said.isEmpty, !line.isEmpty { continue }
            lines.append((said, false))
        }
        guard changed else { return text }
        return punctuated(lines).joined(separator: "\n")
    }

    /// A line no rule applies to, found by a look at its bytes: it starts with a letter, a
    /// Devanagari letter or punctuation that marks nothing, and has no inline markup.
    private static func isPlain(_ line: Substring) -> Bool {
        guard let first = line.utf8.first(where: { $0 != 32 && $0 != 9 }) else { return true }
        let marks = first < 0x80 ? !blockStarts[Int(first)] : first == 0xE0 // Devanagari, not bullets (E2 …)
        return marks && !MarkdownInline.hasMarkup(line.utf8)
    }

    /// ASCII that can begin a block marker: "#", ">", "-", "*", "+", "_", "=", "|", "[", "`", "~",
    /// a digit ("1."), a lower-case letter ("a)").
    private static let blockStarts: [Bool] = (0..<128).map { byte in
        "#>-*+_=|[`~".utf8.contains(UInt8(byte)) || (48...57).contains(byte) || (97...122).contains(byte)
    }

    /// The text of a heading, quote, list item or table row, its markers removed; nil for an
    /// ordinary line.
    private static func blockContent(_ line: Substring, indent: Int) -> Substring? {
        var content = line
        var marked = false
        while content.first == ">" {
            content = content.dropFirst().drop { $0 == " " }
            marked = true
        }
        if indent <= 3, let heading = heading(content) { return heading }
        if let item = listItem(content) { return item }
        if content.first == "|", content.dropFirst().contains("|") {
            let cells = content.split(separator: "|").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            return Substring(cells.joined(separator: ", "))
        }
        return marked ? content : nil
    }

    /// "## Hours ##" → "Hours".
    private static func heading(_ line: Substring) -> Substring? {
        let level = line.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        let rest = line.dropFirst(level)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        let text = rest.trimmingSpaces
        let closing = text.reversed().prefix { $0 == "#" }.count
        guard closing > 0, closing == text.count || text.dropLast(closing).last == " " else { return text }
        return text.dropLast(closing).trimmingSpaces
    }

    /// "- item", "* item", "1. item", "2) item", "a) item", with a task box "[ ]" or "[x]".
    private static func listItem(_ line: Substring) -> Substring? {
        var rest: Substring
        if let first = line.first, bullets.contains(first), line.dropFirst().first == " " {
            rest = line.dropFirst()
        } else {
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            let afterDigits = line.dropFirst(digits.count)
            if (1...3).contains(digits.count), let mark = afterDigits.first, mark == "." || mark == ")",
               afterDigits.dropFirst().first == " " {
                rest = afterDigits.dropFirst()
            } else if let letter = line.first, letter.isASCII, letter.isLowercase, line.dropFirst().first == ")",
                      line.dropFirst(2).first == " " {
                rest = line.dropFirst(2)
            } else {
                return nil
            }
        }
        rest = rest.drop { $0 == " " }
        for box in ["[ ] ", "[x] ", "[X] "] where rest.hasPrefix(box) { rest = rest.dropFirst(4) }
        return rest
    }

    /// "---", "***", "___", "===" (also spaced, "- - -"): a rule or a heading's underline.
    private static func isRule(_ line: Substring) -> Bool {
        let marks = line.filter { $0 != " " && $0 != "\t" }
        guard marks.count >= 3, let first = marks.first, "-*_=".contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
    }

    /// "|---|:--:|" under a table's header.
    private static func isTableSeparator(_ line: Substring) -> Bool {
        line.contains("|") && line.contains("-") && line.allSatisfy { "|-: \t".contains($0) }
    }

    /// "[1]: https://…", a link's target given apart.
    private static func isReferenceDefinition(_ line: Substring) -> Bool {
        guard line.first == "[", let close = line.firstIndex(of: "]") else { return false }
        return line[line.index(after: close)...].hasPrefix(": ")
    }

    /// A full stop after an item that has none, when something follows it: "।" after Hindi.
    private static func punctuated(_ lines: [(text: String, isItem: Bool)]) -> [String] {
        var result = lines.map(\.text)
        for index in lines.indices where lines[index].isItem {
            guard let last = result[index].last, last.isWordCharacter,
                  lines[(index + 1)...].contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) else { continue }
            result[index].append(last.isDevanagari ? "।" : ".")
        }
        return result
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        let start = drop { $0 == " " || $0 == "\t" }
        return start.dropLast(start.reversed().prefix { $0 == " " || $0 == "\t" }.count)
    }
}
