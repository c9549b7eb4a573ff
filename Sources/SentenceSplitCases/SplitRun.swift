import Resilience
import Stages

/// Feeding a case to a `SentenceSplitter`: whole, scalar by scalar and in random cuts. The tests
/// assert on the outcome; `bench sentences --write-cases` counts the cases that pass.
extension SplitCase {
    /// What one feeding gave.
    public struct Outcome: Equatable, Sendable {
        public var sentences: [String]
        /// The first marker missed: how many scalars were fed, and how many pieces were out
        /// instead of the number due by then.
        public var late: Late?
    }

    public struct Late: Equatable, Sendable, CustomStringConvertible {
        public var fed: Int, out: Int, due: Int
        public var description: String { "after \(fed) scalars: \(out) out, \(due) due" }
    }

    /// The text in one piece.
    public var whole: [String] { [text] }

    /// The text one Unicode scalar at a time.
    public var scalars: [String] { text.unicodeScalars.map { String($0) } }

    /// `count` cuttings of the text into pieces of 1–8 scalars, the same for the same case.
    public func randomCuttings(_ count: Int = 25) -> [[String]] {
        var random = SplitMix(seed: UInt64(line))
        return (0..<count).map { _ in Self.cut(text, into: 1...8, using: &random) }
    }

    /// `text` cut into pieces of a random number of scalars.
    public static func cut(_ text: String, into sizes: ClosedRange<Int>, using random: inout SplitMix) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var pieces: [String] = []
        var i = 0
        while i < scalars.count {
            let n = min(scalars.count - i, Int.random(in: sizes, using: &random))
            pieces.append(String(String.UnicodeScalarView(scalars[i..<(i + n)])))
            i += n
        }
        return pieces
    }

    /// Feeds the pieces, noting the first point where fewer pieces were out than the markers
    /// passed by the end of the piece holding them.
    public func feed(_ pieces: [String]) -> Outcome {
        var splitter = SentenceSplitter(settings: settings)
        var out: [String] = []
        var late: Late?
        var fed = 0
        let certain = certainAfter
        for piece in pieces {
            out += splitter.append(piece)
            fed += piece.unicodeScalars.count
            let due = certain.filter { $0 <= fed }.count
            if late == nil, out.count < due { late = Late(fed: fed, out: out.count, due: due) }
        }
        out += splitter.flush()
        return Outcome(sentences: out, late: late)
    }

    /// The case fed whole gives the expected pieces.
    public var passesWhole: Bool { feed(whole).sentences == expected }

    /// Whole, scalar by scalar and in every random cutting: the expected pieces, each out by its
    /// marker.
    public var passesStreamed: Bool {
        ([whole, scalars] + randomCuttings()).allSatisfy { pieces in
            let outcome = feed(pieces)
            return outcome.sentences == expected && outcome.late == nil
        }
    }
}
