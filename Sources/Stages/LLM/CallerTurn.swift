import Foundation

/// Gathers what the caller says in one turn: several final transcripts become one message,
/// and repeated interims tell when a speculative answer is worth starting.
struct CallerTurn {
    private(set) var finals: [String] = []
    private var lastInterim: String?

    /// What has been said so far, finals joined.
    var text: String { finals.joined(separator: " ") }
    var isEmpty: Bool { finals.isEmpty }

    mutating func final(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { finals.append(trimmed) }
        lastInterim = nil
    }

    /// Takes an interim; returns the whole turn's text when the interim repeats the previous one
    /// (normalized) — the recognizer has settled on it — and nil otherwise.
    mutating func interim(_ text: String) -> String? {
        let normalized = Self.normalize(text)
        defer { lastInterim = normalized }
        guard !normalized.isEmpty, normalized == lastInterim else { return nil }
        return finals.isEmpty ? text : self.text + " " + text
    }

    /// Takes the collected message, leaving the turn empty.
    mutating func take() -> String {
        defer { finals = []; lastInterim = nil }
        return text
    }

    /// Lowercase letters and digits, single spaces: how a speculative and a final text are compared.
    static func normalize(_ text: String) -> String {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
    }

    static func wordCount(_ text: String) -> Int { normalize(text).split(separator: " ").count }
}
