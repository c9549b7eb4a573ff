@testable import Speech
import Testing

/// One rule's table in one language: written texts, and what is said for each. Every table is
/// checked on its own (`SpeakableTextTests.eachRuleIsSaidAsItsTableSays`), and all of them
/// again for stability.
struct SpokenTable: Sendable, CustomTestStringConvertible {
    let rule: String
    let language: String
    /// For the lexicon's table: the lexicon to normalize with.
    var lexicon: PronunciationLexicon?
    let rows: [(written: String, said: String)]

    var testDescription: String { "\(rule) (\(language))" }

    static let all = [
        markdownEnglish, markdownHindi, numbersEnglish, numbersHindi, moneyEnglish, moneyHindi, unitsEnglish, unitsHindi,
        timesEnglish, timesHindi, datesEnglish, datesHindi, phonesEnglish, phonesHindi, addressesEnglish, addressesHindi,
        lexiconEnglish,
    ]
}
