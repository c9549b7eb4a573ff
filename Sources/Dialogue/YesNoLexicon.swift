/// The ways callers say yes and no, English and Hindi, for `YesNoExtractor`.
///
/// Matching takes the longest phrase at each word, so a phrase holding a negation is read
/// whole ("no problem", "why not", "don't mind" are yes; "never mind", "no idea" are neither);
/// otherwise a yes right after a negation is a no ("not right", "that doesn't work").
enum YesNoLexicon {
    static let yes = [
        "yes", "yeah", "yep", "yup", "yes please", "sure", "sure thing", "certainly", "correct", "right", "that's right",
        "exactly", "okay", "alright", "all right", "absolutely", "definitely", "of course", "go ahead", "go for it",
        "sounds good", "sounds great", "sounds perfect", "sounds fine", "sounds right", "perfect", "great", "good", "fine",
        "works", "that works", "works for me", "do it", "please do", "book it", "lovely", "brilliant", "cool",
        "excellent", "affirmative", "confirm", "confirmed", "agreed", "deal", "by all means", "no problem", "not a problem",
        "no worries", "why not", "don't mind", "fair enough", "spot on", "that's it", "uh huh", "mhm", "indeed", "please book", "book it please",
        "fab", "grand", "wonderful", "superb", "ideal", "suits me", "that suits", "happy with that",
        "that'll do", "that will do", "satisfactory", "acceptable", "suitable", "aye", "go on", "ta",
        "ye", "yeh", "yh", "yas", "yess", "yesss", "ja", "sharp", "alright then", "ok then", "most kind", "very kind",
        "kind of you", "that would be great", "that would be lovely", "that would be perfect", "please go ahead",
        "kindly confirm", "confirm it", "book kar do", "seri", "sari", "haan kar do",
        "haan", "haa", "han", "haanji", "haan ji", "ji haan", "ji han", "ji", "theek hai", "thik hai", "theek", "thik",
        "bilkul", "zaroor", "zarur", "jaroor", "sahi", "sahi hai", "chalega", "kar do", "kar dijiye", "kar dijie",
        "ho jayega", "accha", "acha", "achha", "hanji", "okay ji",
    ]
    static let no = [
        "no", "nope", "nah", "no thanks", "no thank you", "not", "wrong", "incorrect", "negative", "cancel", "don't",
        "do not", "never", "not really", "not quite", "forget it", "scrap that", "not that", "no way", "nahi", "nahin",
        "doesn't work", "does not work", "won't work", "can't do", "can't make it", "not possible", "no good",
        "cannot", "can't", "can not", "unfortunately not", "afraid not", "won't be possible", "will not be possible",
        "nai", "mat", "galat", "nako", "bilkul nahi", "rehne do", "mat karo", "nahi chahiye",
    ]
    /// Phrases holding an answer word that are no answer: "never mind", "no idea".
    static let neither = ["never mind", "no idea", "not sure", "don't know", "do not know", "no clue", "doesn't matter",
                          "does not matter", "no matter"]
    /// Words that turn a following yes into a no.
    static let negations: Set<String> = ["not", "dont", "doesnt", "isnt", "never", "cant", "wont", "wouldnt", "nahi", "nahin", "no"]

    /// Each phrase's words (as `Token.word`) with its answer, longest first.
    static let phrases: [(words: [String], answer: String?)] = {
        let all: [([String], String?)] = yes.map { (Utterance($0).words, "yes") } + no.map { (Utterance($0).words, "no") }
            + neither.map { (Utterance($0).words, nil) }
        return all.filter { !$0.0.isEmpty }.sorted { $0.0.count > $1.0.count }
    }()

    static let words: Set<String> = Set(phrases.flatMap(\.words))
}
