/// Cuts streamed text into speakable sentences, each one the moment its end is certain.
///
/// Text arrives in pieces of any size (LLM tokens, lines); `append` returns the sentences whose
/// boundary the text so far settles, `flush` the rest. The output does not depend on how the
/// text was cut into pieces: every decision is made at the first byte that settles it (modelled
/// on swift-nio's `LineBasedFrameDecoder`, scanning resumes where it stopped and nothing is
/// scanned twice). Rules: see sentence-split(1).
public struct SentenceSplitter: Sendable {
    public struct Settings: Sendable {
        /// A sentence shorter than this (in characters) is held and sent with the next.
        public var minChars: Int
        /// A longer sentence is cut at its best clause boundary; 0 means no limit.
        public var maxChars: Int
        /// When above 0, the first piece of a text may end at a clause boundary (comma, dash,
        /// conjunction) once it is this long.
        public var firstMinChars: Int
        public var lexicon: SentenceLexicon

        public init(minChars: Int = 0, maxChars: Int = 250, firstMinChars: Int = 0, lexicon: SentenceLexicon = .builtIn()) {
            self.minChars = minChars
            self.maxChars = maxChars
            self.firstMinChars = firstMinChars
            self.lexicon = lexicon
        }
    }

    public let settings: Settings
    private var text: [UInt8] = []
    /// Start of the text not yet sent.
    private var start = 0
    /// Just after the last boundary (ahead of `start` while a short fragment is held).
    private var boundary = 0
    /// Where scanning resumes: everything before it is decided.
    private var scan = 0
    /// Pieces sent since the text began.
    private var emitted = 0

    public init(settings: Settings = .init()) { self.settings = settings }

    /// Adds text; returns the sentences it completes.
    public mutating func append(_ piece: String) -> [String] {
        text.append(contentsOf: piece.utf8)
        return advance(atEnd: false)
    }

    /// Ends the text so far: what is left comes out. Text appended later starts afresh but
    /// counts on in `emitted` (only the first piece of all may end at a clause boundary early).
    public mutating func flush() -> [String] {
        var sentences = advance(atEnd: true)
        if let rest = take(Cut(end: text.count, next: text.count, kind: .forced)) { sentences.append(rest) }
        text.removeAll(keepingCapacity: true)
        (start, boundary, scan) = (0, 0, 0)
        return sentences
    }

    private enum Step { case wait(at: Int), skip(to: Int), cut(Cut, resume: Int) }

    private mutating func advance(atEnd: Bool) -> [String] {
        var sentences: [String] = []
        scanning: while true {
            let step = text.withUnsafeBufferPointer { bytes -> Step in
                let scanner = BoundaryScanner(bytes: bytes, lexicon: settings.lexicon, atEnd: atEnd,
                                              sentenceStart: start, lastBoundary: boundary)
                let firstPiece = settings.firstMinChars > 0 && emitted == 0
                let i = scanner.nextCandidate(from: scan, clauses: firstPiece)
                if let cut = scanner.overlongCut(before: i, maxChars: settings.maxChars) { return .cut(cut, resume: i) }
                guard i < bytes.count else { return .wait(at: i) }
                switch scanner.decide(at: i, firstMinChars: firstPiece ? settings.firstMinChars : .max) {
                case .wait: return .wait(at: i)
                case .skip(let next): return .skip(to: next)
                case .cut(let cut): return .cut(cut, resume: cut.next)
                }
            }
            switch step {
            case .wait(let at):
                scan = at
                break scanning
            case .skip(let next):
                scan = next
            case .cut(let cut, let resume):
                scan = max(resume, cut.next)
                if let sentence = take(cut) { sentences.append(sentence) }
            }
        }
        compact()
        return sentences
    }

    /// Sends the text up to a cut, or holds it when it is a fragment shorter than `--min-chars`.
    private mutating func take(_ cut: Cut) -> String? {
        let (piece, characters) = text.withUnsafeBufferPointer { bytes in
            let scanner = BoundaryScanner(bytes: bytes, lexicon: settings.lexicon, atEnd: true, sentenceStart: start, lastBoundary: boundary)
            let piece = scanner.speakable(start..<cut.end)
            let short = cut.kind == .sentence && settings.minChars > 0
            return (piece, short ? UTF8Text.characterCount(UnsafeBufferPointer(rebasing: bytes[piece])) : Int.max)
        }
        if !piece.isEmpty && characters < settings.minChars {
            boundary = cut.next
            return nil
        }
        start = cut.next
        boundary = cut.next
        guard !piece.isEmpty else { return nil }
        emitted += 1
        return Self.speakable(text[piece])
    }

    /// The text of a piece; a held fragment and its successor were on separate lines, so a line
    /// break inside becomes a space.
    private static func speakable(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(0x0A) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        var inBreak = false
        for byte in bytes {
            if byte == 0x0A || byte == 0x0D || (inBreak && (byte == 0x20 || byte == 0x09)) {
                if !inBreak, out.last == 0x20 || out.last == 0x09 { out.removeLast() }
                if !inBreak { out.append(0x20) }
                inBreak = true
            } else {
                inBreak = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Drops sent text from the buffer once it is all sent, or when it has grown large.
    private mutating func compact() {
        if start == text.count {
            text.removeAll(keepingCapacity: text.capacity <= 64 * 1024)
        } else if start >= 16 * 1024 {
            text.removeFirst(start)
        } else {
            return
        }
        scan -= start
        boundary -= start
        start = 0
    }
}
