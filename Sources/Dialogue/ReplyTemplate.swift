/// Text the agent says, with `{slot}` placeholders filled from the captured slots.
///
/// Parsed once at load time, so a placeholder naming an undeclared slot is a load error rather
/// than a hole in a reply mid-call.
struct ReplyTemplate: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case text(String)
        case slot(String)
    }

    var parts: [Part]

    /// Every `{identifier}` is a placeholder; any other brace is literal text.
    init(_ text: String) {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
               case let name = rest[afterOpen..<close].trimmingSpaces, ReplyTemplate.isSlotName(name) {
                if !literal.isEmpty { parts.append(.text(literal)) }
                literal = ""
                parts.append(.slot(String(name)))
                rest = rest[rest.index(after: close)...]
            } else {
                literal.append("{")
                rest = rest[afterOpen...]
            }
        }
        literal += rest
        if !literal.isEmpty { parts.append(.text(literal)) }
        self.parts = parts
    }

    /// Slot names are letters, digits, `_` and `-`, starting with a letter or `_`.
    static func isSlotName<S: StringProtocol>(_ name: S) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }

    var slotNames: [String] {
        parts.compactMap { if case .slot(let name) = $0 { name } else { nil } }
    }

    /// The text with each placeholder replaced by its slot said aloud; an unfilled slot is left
    /// empty and the spaces around it collapse.
    func render(slots: [String: String], definitions: [String: SlotDefinition]) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .text(let literal): text += literal
            case .slot(let name):
                if let value = slots[name] { text += definitions[name]?.extractor.spoken(value) ?? value }
            }
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (Foundation-free `trimmingCharacters`).
    var trimmingSpaces: SubSequence {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
