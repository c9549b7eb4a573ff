/// The punctuation sentence splitting looks at.
enum Punctuation {
    /// Ends a sentence: `.` `!` `?` `;` `…`, the Devanagari danda `।` and double danda `॥`, and
    /// the CJK full stop, exclamation and question marks (full- and half-width).
    static func isTerminator(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ".", "!", "?", ";", "\u{2026}", "\u{0964}", "\u{0965}", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{FF61}": true
        default: false
        }
    }

    /// Terminators of scripts written without a space after them: a boundary whatever follows.
    static func endsWithoutSpace(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\u{0964}", "\u{0965}", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{FF61}": true
        default: false
        }
    }

    /// Closing quotes and brackets: after a terminator they stay with its sentence.
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", ")", "]", "}", "*", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{203A}",
             "\u{300D}", "\u{300F}", "\u{FF09}", "\u{3011}", "\u{3015}", "\u{3009}", "\u{300B}": true
        default: false
        }
    }

    /// Opening quotes and brackets, skipped when looking at the word before a period.
    static func isOpener(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", "(", "[", "{", "*", "\u{201C}", "\u{2018}", "\u{00AB}", "\u{2039}", "\u{00BF}", "\u{00A1}",
             "\u{300C}", "\u{300E}", "\u{FF08}", "\u{3010}": true
        default: false
        }
    }

    /// A comma, colon or dash that may end a clause.
    static func isClausePunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ",", ":", "-", "\u{2013}", "\u{2014}", "\u{FF0C}", "\u{3001}", "\u{FF1A}": true
        default: false
        }
    }

    /// List bullets: inside a line, one starts a piece.
    static func isBullet(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\u{2022}", "\u{2023}", "\u{25E6}", "\u{25AA}", "\u{25CF}", "\u{2043}": true
        default: false
        }
    }
}
