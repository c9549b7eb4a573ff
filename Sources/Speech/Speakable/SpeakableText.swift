/// Text made fit to speak: what an answer written for a screen becomes before it is synthesized.
///
/// In order: Markdown taken out (`MarkdownStripper`), symbols and emoji dropped
/// (`SymbolFilter`), numbers, amounts, dates, times, phone numbers, units and addresses said in
/// words (`SpanScanner` and its readers), then the pronunciation lexicon. Text with none of
/// these comes out unchanged, and normalizing twice gives what normalizing once gave (with a
/// lexicon whose replacements are not themselves its words). The tables are built once per
/// process; a call makes a few passes over the text and nothing more.
public struct SpeakableText: Sendable {
    private let lexicon: PronunciationLexicon?

    /// Built once per process (the stage caches it): the lexicon parsed, tables compiled.
    public init(lexicon: PronunciationLexicon? = nil) {
        self.lexicon = lexicon
        _ = SpanScanner.readers
        _ = Months.written
    }

    /// `text` as it should be said. `language`: "en" or "hi" (a voice's language; Devanagari
    /// text is spoken the Hindi way whatever it is). Returns "" when nothing sayable is left
    /// (a text of emoji).
    public func normalize(_ text: String, language: String = "en") -> String {
        let voice = SpokenLanguage(voice: language)
        var said = MarkdownStripper.strip(text)
        said = SymbolFilter.filter(said, voice: voice)
        // Dropping a symbol can bare a marker ("👍 - item", "**> quote"): strip once more, so
        // that what comes out has none left for a second normalization to find.
        said = MarkdownStripper.strip(said)
        said = SpanScanner.read(said, voice: voice)
        if let lexicon { said = lexicon.apply(to: said) }
        return Self.trimmed(said)
    }

    /// Without spaces, line breaks, or joiners left with nothing to join at either end.
    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        func isEdge(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isWhitespace || scalar == "\u{200C}" || scalar == "\u{200D}"
        }
        guard let first = scalars.firstIndex(where: { !isEdge($0) }), let last = scalars.lastIndex(where: { !isEdge($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
