import Resilience
import SentenceSplitCases
import Stages
import Testing

/// The rules look back (the marker a piece opens with, the word before a period) and ahead (a
/// citation's close, a title after a time): random texts made of the pieces those rules read
/// must still split the same however they are cut, and never into a piece without a letter.
@Suite("SentenceSplitter: random texts split the same whole and in any cuts")
struct SentenceSplitterFuzzTests {
    static let parts = [
        "Hi", "rao", "Dr", "p.m", "U.K", "I", "K", "9", "1", "2", "a", "b", "क", "ख", "1.)", "(a)",
        ".", ". . .", "...", "…", "!", "?", ";", ",", ":", "(", ")", "[", "]", "\"", "“", "”", "•",
        "।", " ", " ", " ", "  ", "\n", "Then", "and", "Rao 12", "है", "e.g", "No",
    ]

    @Test("500 random texts, whole, scalar by scalar and in 10 random cuttings each")
    func randomTexts() {
        var random = SplitMix(seed: 2026)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 1...24, using: &random))
                .map { _ in Self.parts[Int.random(in: 0..<Self.parts.count, using: &random)] }.joined()
            let whole = split([text])
            #expect(whole.allSatisfy { $0.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil } },
                    "\(text.debugDescription) → \(whole)")
            #expect(split(text.unicodeScalars.map { String($0) }) == whole, "\(text.debugDescription) scalar by scalar")
            for _ in 0..<10 {
                let pieces = SplitCase.cut(text, into: 1...6, using: &random)
                #expect(split(pieces) == whole, "\(text.debugDescription) cut as \(pieces)")
            }
        }
    }

    private func split(_ pieces: [String]) -> [String] {
        var splitter = SentenceSplitter()
        return pieces.flatMap { splitter.append($0) } + splitter.flush()
    }
}
