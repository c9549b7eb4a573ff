/// Words that mean the same thing to a caller of a business, folded onto one term so that an
/// intent's examples stand for their synonyms: "arrange a check-up" shares `book` and
/// `appointment` with "i would like to book an appointment".
///
/// General phone-service English (and the Hindi words callers mix in), not any one script's:
/// a script's own words need no entry, they match themselves. Keys and values are stems
/// (`WordStem`) or words as said.
enum ConceptLexicon {
    private static let groups: [String: [String]] = [
        "appointment": ["appointment", "appt", "slot", "consultation", "consult", "visit", "checkup",
                        "session", "availability", "available", "free", "opening-slot", "space", "anything"],
        "book": ["book", "schedule", "arrange", "reserve", "fix", "fit", "squeeze", "pencil", "register", "rebook"],
        "see": ["see", "seen", "come", "meet", "milna", "mil", "dikhana", "dikha"],
        "doctor": ["doctor", "gp", "physician", "clinician", "specialist"],
        "person": ["person", "human", "someone", "somebody", "anyone", "anybody", "receptionist", "reception",
                   "operator", "staff", "agent", "representative", "nurse", "desk", "frontdesk", "manager",
                   "real", "live", "insaan", "admin", "office"],
        "speak": ["speak", "talk", "chat", "word", "transfer", "connect", "through", "baat", "put", "line"],
        "open": ["open", "opening", "close", "closed", "closing", "shut", "hour", "timing", "timings", "khula", "khulta",
                 "band", "working"],
        "bye": ["bye", "goodbye", "cheer", "later", "alvida", "cya"],
        "want": ["want", "need", "like", "wish", "hope", "chahiye", "chahta", "chahti", "after", "require"],
        "thank": ["thank", "thanks", "dhanyavaad", "dhanyavad", "shukriya"],
    ]

    /// Stem → the group's term.
    static let concepts: [String: String] = {
        var map: [String: String] = [:]
        for (concept, words) in groups { for word in words { map[word] = concept } }
        return map
    }()

    /// Words that carry no intent on their own: they neither count for nor against a match.
    static let stopwords: Set<String> = [
        "i", "me", "my", "mine", "myself", "you", "your", "we", "us", "our", "it", "its", "this", "that", "these",
        "those", "a", "an", "the", "to", "of", "for", "on", "at", "in", "into", "with", "about", "from", "by", "up",
        "and", "or", "but", "so", "if", "then", "just", "please", "can", "could", "would", "will", "shall", "should",
        "may", "might", "must", "do", "does", "did", "be", "is", "am", "are", "was", "were", "been", "have", "has",
        "had", "get", "got", "there", "here", "some", "any", "what", "when", "which", "how", "hi", "hello", "hey",
        "good", "morning", "afternoon", "evening", "yes", "yeah", "okay", "oh", "well", "um", "like", "very",
        "really", "also", "too", "not", "no", "one", "all", "ji", "hai", "ho", "se", "ke", "ka", "ki", "ko",
        "mujhe", "mera", "meri", "main", "aap", "kya", "sakta", "sakti", "sakte", "hoon", "hun", "kar", "karna",
        "dijiye", "do", "bhi", "kindly", "sorry", "excuse", "wondering", "possible", "let", "know",
    ]

    /// The term a word counts as, looked up as said and then as its stem: its group's, else
    /// the stem; nil for a stopword.
    static func term(_ word: String) -> String? {
        if stopwords.contains(word) { return nil }
        if let concept = concepts[word] { return concept }
        let stem = WordStem.stem(word)
        if stopwords.contains(stem) { return nil }
        return concepts[stem] ?? stem
    }
}
