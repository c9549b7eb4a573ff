/// The words around a caller's name: what announces one, what is said before it, what is
/// never part of it.
enum NameWords {
    /// Words that announce a name anywhere, longest first.
    static let cues: [[String]] = [["my", "good", "name", "is"], ["my", "name", "is"], ["my", "names"], ["the", "name", "is"],
                                   ["name", "should", "be"], ["name", "will", "be"], ["first", "name"], ["full", "name"],
                                   ["name", "is"], ["names"], ["name"], ["call", "me"], ["mera", "naam", "hai"], ["mera", "naam"],
                                   ["naam", "hai"], ["naam", "likhiye"], ["naam", "likho"], ["naam"], ["myself"]]
    /// Words that announce a name while it is asked for ("it's urgent" is not one), or before
    /// a name of two words or more in passing ("it's Dev Malhotra").
    static let askedCues: [[String]] = [["this", "is"], ["its"], ["it", "is"], ["im"], ["i", "am"], ["under"]]
    /// Words before the rest of a name: "first name Harpreet, surname Kaur".
    static let surnameCues: [[String]] = [["surname"], ["last", "name"], ["family", "name"], ["second", "name"]]
    /// Dropped before a name ("Mrs. Patricia Holloway").
    static let titles: Set<String> = ["mr", "mister", "mrs", "missus", "ms", "miss", "dr", "doctor", "prof", "professor", "shri", "sri",
                                      "smt", "sir", "madam", "father", "fr", "sister", "reverend", "rev", "lady", "lord", "dame", "captain"]
    /// Words a caller says before answering that are not the answer.
    static let openers: Set<String> = ["yes", "yeah", "yep", "sure", "okay", "ok", "hi", "hello", "so", "well", "oh", "right",
                                       "of", "course", "certainly", "ji", "haan", "sorry", "and", "its", "it", "is", "thats", "that"]
    /// After a name, words that say it was one: "Ramesh K here", "Anjali this side".
    static let suffixCues: [[String]] = [["here"], ["speaking"], ["calling"], ["this", "side"]]
    /// After a name, words that say its first word was the family name: "Park Soo-jin. Park is
    /// the family name" is Park Soo-jin, not Soo-jin Park.
    static let familyNameNotes: [[String]] = [["is", "the", "family", "name"], ["is", "family", "name"], ["is", "the", "surname"],
                                              ["is", "surname"], ["is", "my", "surname"], ["is", "my", "family", "name"]]
    /// Before "name", words that make it not the caller's whole name ("family name Kim").
    static let partOfName: Set<String> = ["family", "last", "first", "second", "middle", "sur"]
    /// Small words inside a name: "Maria Gonzalez de la Cruz", "Pieter van der Merwe".
    static let particles: Set<String> = ["de", "la", "del", "della", "da", "di", "van", "der", "von", "den", "bin", "binti", "al", "el", "le", "du", "dos", "das"]
    /// Before a capitalised name, words that make it someone else's (the doctor's).
    static let otherPerson: Set<String> = ["doctor", "professor", "with", "see", "to"]
    /// The most words a name is taken to have.
    static let longest = 5

    /// Letters (an apostrophe inside), two or more, and no everyday word, slot value or title.
    static func isNameLike(_ token: Token) -> Bool {
        let word = token.word
        guard word.count >= 2, word.allSatisfy(\.isLetter) else { return false }
        return !CommonWords.all.contains(word) && !titles.contains(word) && !MatchTerms.isSlotValue(word)
            && ConceptLexicon.concepts[word] == nil && !ConceptLexicon.stopwords.contains(word) && !YesNoExtractor.isAnswerWord(word)
    }

    /// "meera iyer" → "Meera Iyer"; "McDonald", "D'Souza" and "Ji-woo" as written.
    static func spelled(_ tokens: ArraySlice<Token>) -> String {
        // Said again as it goes on, the fuller form counts: "Juan. Juan Mendes", "Mrs. Ogundipe.
        // Bisola Ogundipe." — everything up to a word that comes again is dropped.
        var once = Array(tokens)
        if let repeated = once.indices.last(where: { i in once[(i + 1)...].contains { $0.word == once[i].word } }) {
            once.removeFirst(repeated + 1)
        }
        var name = ""
        for (index, token) in once.enumerated() {
            let surface = token.surface
            let keep = surface.first!.isUppercase || (token.hyphenated && index > 0)
            let part = keep ? surface : surface.firstCapitalized
            name += index == 0 ? part : (token.hyphenated ? "-" : " ") + part
        }
        return name
    }
}
