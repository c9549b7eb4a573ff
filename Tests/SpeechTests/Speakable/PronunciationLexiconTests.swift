import Foundation
@testable import Speech
import Testing

/// The pronunciation lexicon: its file, its case rules, whole words.
@Suite struct PronunciationLexiconTests {
    static let lexicon = PronunciationLexicon(entries: [
        ("nginx", "engine x"), ("US", "you ess"), ("Rao", "Raao"), ("Dr. Rao", "Doctor Raao"), ("C++", "see plus plus"),
        (".NET", "dot net"), ("Zomato", "zo mah toe"), ("सीए", "चार्टर्ड अकाउंटेंट"), ("kilometres", "kilo meters"),
    ])

    let speakable = SpeakableText(lexicon: lexicon)

    @Test func spokenHindi() {
        #expect(speakable.normalize("हमारे सीए से मिलें", language: "hi") == "हमारे चार्टर्ड अकाउंटेंट से मिलें")
        #expect(speakable.normalize("सीएम से मिलें", language: "hi") == "सीएम से मिलें")
    }

    @Test func theLongestEntryWinsAndAnExactCaseEntryBeforeAnyCase() {
        let lexicon = PronunciationLexicon(entries: [("us", "uss"), ("US", "you ess"), ("new york", "noo york"), ("new", "nyoo")])
        let speakable = SpeakableText(lexicon: lexicon)
        #expect(speakable.normalize("US, us, Us, New York, new") == "you ess, uss, uss, noo york, nyoo")
    }

    @Test func aFileIsReadWithCommentsAndBlankLines() throws {
        let path = try Self.file("# brands\n\nnginx\tengine x\r\n  # indented comment\nDr. Rao \t Doctor Raao\n")
        let lexicon = try PronunciationLexicon(contentsOf: path)
        #expect(lexicon.count == 2)
        #expect(SpeakableText(lexicon: lexicon).normalize("Dr. Rao runs NGINX") == "Doctor Raao runs engine x")
    }

    /// A file's text, the reason its bad line is refused, and the line's number.
    static let badFiles: [(String, String, Int)] = [
        ("nginx\tengine x\nbroken line\n", "found no tab", 2),
        ("a\tb\tc\n", "found 2 tabs", 1),
        ("\tengine x\n", "the word before the tab is empty", 1),
        ("nginx\t \n", "no replacement for \"nginx\"", 1),
        ("nginx\tengine x\n# x\nnginx\tengine ex\n", "\"nginx\" is already given on line 1", 3),
    ]

    @Test(arguments: badFiles) func aBadLineIsNamedByFileAndLine(_ text: String, _ reason: String, _ line: Int) throws {
        let path = try Self.file(text)
        let error = #expect(throws: PronunciationLexicon.FileError.self) { try PronunciationLexicon(contentsOf: path) }
        #expect(error?.line == line)
        #expect(error?.description.hasPrefix("\(path):\(line): ") == true)
        #expect(error?.description.hasSuffix(reason) == true, "\(error?.description ?? "")")
    }

    @Test func aMissingFileIsNamed() {
        let error = #expect(throws: PronunciationLexicon.FileError.self) {
            try PronunciationLexicon(contentsOf: "/nonexistent/lexicon.tsv")
        }
        #expect(error?.line == nil)
        #expect(error?.description.hasPrefix("/nonexistent/lexicon.tsv: cannot read") == true)
    }

    @Test func emptyWordsAreSkippedAndTheLaterOfTwoEqualWordsWins() {
        let lexicon = PronunciationLexicon(entries: [("", "nothing"), ("nginx", "engine x"), ("nginx", "engine ex")])
        #expect(lexicon.count == 1)
        #expect(SpeakableText(lexicon: lexicon).normalize("nginx") == "engine ex")
    }

    private static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-\(UUID().uuidString).tsv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

extension SpokenTable {
    static let lexiconEnglish = SpokenTable(rule: "lexicon", language: "en", lexicon: PronunciationLexiconTests.lexicon, rows: [
        ("Ask nginx, Nginx or NGINX.", "Ask engine x, engine x or engine x."),
        ("The US and us.", "The you ess and us."),
        ("Rao, RAO and Raoul.", "Raao, RAO and Raoul."),
        ("Rao's desk.", "Raao's desk."),
        ("Dr. Rao will call; Mr. Rao too.", "Doctor Raao will call; Mr. Raao too."),
        ("C++ and .NET work.", "see plus plus and dot net work."),
        ("Zomato-style", "zo mah toe-style"),
        ("It is 5 km away.", "It is five kilo meters away."),
        ("No words from the list.", "No words from the list."),
    ])
}
