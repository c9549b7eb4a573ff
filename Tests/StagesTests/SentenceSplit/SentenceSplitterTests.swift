import Resilience
import Stages
import Testing

@Suite("SentenceSplitter: the table, whole and in random chunks")
struct SentenceSplitterTests {
    @Test("the table has at least 60 cases")
    func tableSize() {
        #expect(SplitCase.all.count >= 60)
    }

    @Test("whole text", arguments: SplitCase.all)
    func whole(_ c: SplitCase) {
        var splitter = SentenceSplitter(settings: c.settings)
        let sentences = splitter.append(c.text) + splitter.flush()
        #expect(sentences == c.expected)
    }

    @Test("scalar by scalar: each piece out by its marker", arguments: SplitCase.all)
    func scalarByScalar(_ c: SplitCase) {
        let scalars = c.text.unicodeScalars.map { String($0) }
        check(c, pieces: scalars)
    }

    @Test("random chunkings give the same pieces, each out by its marker", arguments: SplitCase.all)
    func randomChunkings(_ c: SplitCase) {
        var random = SplitMix(seed: UInt64(c.line))
        let scalars = Array(c.text.unicodeScalars)
        for _ in 0..<25 {
            var pieces: [String] = []
            var i = 0
            while i < scalars.count {
                let n = min(scalars.count - i, Int.random(in: 1...8, using: &random))
                pieces.append(String(String.UnicodeScalarView(scalars[i..<(i + n)])))
                i += n
            }
            check(c, pieces: pieces)
        }
    }

    /// Feeds the pieces; checks the output, and that by the end of the piece holding a marker's
    /// position that many pieces were out.
    private func check(_ c: SplitCase, pieces: [String]) {
        var splitter = SentenceSplitter(settings: c.settings)
        var out: [String] = []
        var fed = 0
        let certain = c.certainAfter
        for piece in pieces {
            out += splitter.append(piece)
            fed += piece.unicodeScalars.count
            let due = certain.filter { $0 <= fed }.count
            #expect(out.count >= due, "after \(fed) scalars of \(c.text.debugDescription) (chunks \(pieces)): \(out.count) out, \(due) due")
            if out.count < due { return }
        }
        out += splitter.flush()
        #expect(out == c.expected, "chunks \(pieces)")
    }
}
