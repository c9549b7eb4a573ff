import Foundation

/// Words people shorten when they type, with the word a recogniser would have written.
///
/// One word for one word, so a token keeps its place (slot captures are ranges of tokens) and
/// its surface for what is stored as said: "pls book appt tmrw" reads as "please book
/// appointment tomorrow". Hindi words for days and answers that are not English words at all
/// are left to the extractors that know them.
enum ChatAbbreviations {
    static let expansions: [String: String] = [
        "appt": "appointment", "appts": "appointments", "apt": "appointment", "appmt": "appointment",
        "pls": "please", "plz": "please", "plse": "please", "pl": "please",
        "tmrw": "tomorrow", "tmrow": "tomorrow", "tmr": "tomorrow", "tmw": "tomorrow", "tmro": "tomorrow",
        "tomo": "tomorrow", "tomoz": "tomorrow", "tommorow": "tomorrow",
        "tomorow": "tomorrow", "tommorrow": "tomorrow",
        "dr": "doctor", "drs": "doctors", "doc": "doctor",
        "thx": "thanks", "thanx": "thanks", "thnx": "thanks", "tnx": "thanks", "ty": "thanks",
        "mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday", "weds": "wednesday",
        "thu": "thursday", "thur": "thursday", "thurs": "thursday", "fri": "friday",
        "u": "you", "ur": "your", "yr": "your", "nxt": "next", "wk": "week", "hr": "hour", "hrs": "hours",
        "min": "minutes", "mins": "minutes", "info": "information", "abt": "about", "b4": "before",
        "ok": "okay", "kk": "okay", "okey": "okay", "yea": "yeah", "ya": "yeah", "yah": "yeah",
    ]

    static func expand(_ word: String) -> String { expansions[word] ?? word }

    /// Shorthand that mixes digits and letters, which the tokenizer would split ("2moro" → 2,
    /// moro): replaced before it can.
    static let glued: [String: String] = [
        "2moro": "tomorrow", "2morrow": "tomorrow", "2mrw": "tomorrow", "2mro": "tomorrow", "2day": "today",
        "2nite": "tonight", "gr8": "great", "b4": "before", "l8r": "later", "w8": "wait",
    ]

    static func unglued(_ text: String) -> String {
        guard text.contains(where: \.isNumber) else { return text }
        return text.split(separator: " ", omittingEmptySubsequences: false).map { piece -> String in
            let core = piece.lowercased().trimmingCharacters(in: .punctuationCharacters)
            guard let replacement = glued[core] else { return String(piece) }
            return piece.lowercased().replacingOccurrences(of: core, with: replacement)
        }.joined(separator: " ")
    }
}
