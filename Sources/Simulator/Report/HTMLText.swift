/// Text that goes into the report page, made safe for it.
///
/// Scenario names, transcripts and failure messages come from files and speech engines the
/// report does not control, so every one of them passes through `escape` on the way into the
/// page. The page is also kept parsable as XML (the tests parse it), so characters XML 1.0
/// cannot carry at all, such as NUL or other control codes, become U+FFFD instead of
/// producing a page a strict parser rejects.
enum HTMLText {
    /// `text` as element content or as an attribute value in double or single quotes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                out.unicodeScalars.append(isAllowedInXML(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    /// At most `limit` characters of `text`, with an ellipsis when cut (row labels have room
    /// for a few words; the full text stays in the transcript and the tooltip).
    static func shortened(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return String(text.prefix(limit - 1)).trimmingTrailingSpaces() + "…"
    }

    /// XML 1.0's Char production: tab, newline, carriage return, and everything from space up
    /// except the surrogates (which a Unicode scalar cannot be) and U+FFFE/U+FFFF.
    private static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
