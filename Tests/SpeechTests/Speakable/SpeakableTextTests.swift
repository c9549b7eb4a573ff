@testable import Speech
import Testing

/// What holds for every text: ordinary sentences pass untouched, and normalized text is final.
@Suite struct SpeakableTextTests {
    static let plainEnglish = [
        "Hello, how are you?",
        "Thanks for calling, how can I help you today?",
        "I'm fine - thanks!",
        "It's a well-known fact; Dr. Rao will see you now.",
        "She said \"yes\" (quietly) and left.",
        "The U.K. office, e.g. the one in London, is open.",
        "Wait... what? Really!",
        "Please hold while I check your booking.",
        "Our clinic opens early on weekdays and late on Saturdays.",
        "You can pay by card, cash, or UPI.",
        "Is that Ms. O'Brien or Mr. D'Souza?",
        "Café, naïve, résumé: all fine.",
        "I'll book you in with the physiotherapist — is that okay?",
        "Sorry, could you say that again?",
        "We can't do Sunday; how about Monday?",
        "My e-mail is on the card.",
        "Say \"stop\" at any time.",
        "The A-team meets in room B.",
        "Q&A at the end.",
        "It costs more than you think, and less than you fear.",
        "Twenty-two people came at half past nine.",
        "Press star, then hash.",
        "New York, Paris, and Mumbai.",
        "Ravi K. Shah called you and I. Then he left.",
        "(That was last year.) After which we moved.",
        "He said 'Fine.' and left.",
    ]

    static let plainHindi = [
        "नमस्ते, मैं आपकी कैसे मदद कर सकती हूँ?",
        "कृपया थोड़ा इंतज़ार करें।",
        "डॉक्टर राव आज नहीं आएँगे।",
        "आपकी बुकिंग पक्की हो गई है॥",
        "क्या आप कल सुबह आ सकते हैं?",
        "धन्यवाद! फिर मिलेंगे।",
        "क्‍ष, ज्ञ और श्र अक्षर हैं।",
        "हम सोमवार से शनिवार तक खुले हैं।",
        "आप Paytm या UPI से भुगतान कर सकते हैं।",
    ]

    let speakable = SpeakableText()

    @Test(arguments: plainEnglish) func plainEnglishIsUnchanged(_ sentence: String) {
        #expect(speakable.normalize(sentence) == sentence)
        #expect(speakable.normalize(sentence, language: "hi") == sentence)
    }

    @Test(arguments: plainHindi) func plainHindiIsUnchanged(_ sentence: String) {
        #expect(speakable.normalize(sentence, language: "hi") == sentence)
        #expect(speakable.normalize(sentence) == sentence)
    }

    @Test(arguments: SpokenTable.all) func eachRuleIsSaidAsItsTableSays(_ table: SpokenTable) {
        let speakable = SpeakableText(lexicon: table.lexicon)
        for (written, said) in table.rows {
            #expect(speakable.normalize(written, language: table.language) == said, "\(written.debugDescription)")
        }
    }

    /// Every written text of every table, and the plain sentences, in both languages: once
    /// normalized, nothing is left for a second pass to change.
    static let everyText = SpokenTable.all.flatMap { $0.rows.map(\.written) } + plainEnglish + plainHindi

    @Test(arguments: ["en", "hi"]) func normalizingTwiceEqualsOnce(_ language: String) {
        let withLexicon = SpeakableText(lexicon: PronunciationLexiconTests.lexicon)
        for speakable in [speakable, withLexicon] {
            for text in Self.everyText {
                let once = speakable.normalize(text, language: language)
                #expect(speakable.normalize(once, language: language) == once, "\(text.debugDescription)")
            }
        }
    }

    @Test func theIssuesCookbookLine() {
        #expect(speakable.normalize("Your total is **$12.50**, due 22/11.")
            == "Your total is twelve dollars and fifty cents, due the twenty-second of November.")
    }

    @Test func aTextOfSeveralLinesKeepsItsLines() {
        #expect(speakable.normalize("Call 555-0123\nor write.") == "Call five five five, zero one two three\nor write.")
    }

    @Test func anEmptyTextStaysEmpty() {
        #expect(speakable.normalize("") == "")
        #expect(speakable.normalize("   ") == "")
    }
}
