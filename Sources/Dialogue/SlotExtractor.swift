/// How much evidence a slot value needs, which depends on where it is looked for.
enum ExtractionMode: Sendable {
    /// The words were set aside for this slot: a placeholder in an example, a regex group, the
    /// answer to the question just asked. A bare "ten" is then a time and a lone "yes" a yes.
    case expected
    /// Anywhere in an utterance about something else. Only self-evident values count ("at ten",
    /// "tomorrow", a listed name); numbers, yes/no and free text are not taken this way.
    case incidental
}

/// What a slot value is read against.
struct ExtractionContext: Sendable {
    /// Relative dates ("tomorrow", "next monday") count from here.
    var today: CalendarDay
    var mode: ExtractionMode
}

/// A slot value found in an utterance, and the tokens it came from.
struct SlotCapture: Sendable, Equatable {
    var value: String
    var range: Range<Int>
}

/// One slot type: how its values are read from words and how they are said back.
///
/// Values are canonical strings (`2026-11-22`, `10:30`, `yes`) so that the dialogue state is
/// plain JSON and a script's `value:` can be compared with what was heard.
protocol SlotExtractor: Sendable {
    /// The longest value that starts at `start`, and how many words it took.
    func value(at start: Int, in words: [String], context: ExtractionContext) -> (value: String, length: Int)?
    /// The value to put in a reply for `{slot}`.
    func spoken(_ value: String) -> String
    /// Whether `find` looks for values in `incidental` mode at all.
    var foundIncidentally: Bool { get }
    /// The leftmost value in the utterance not overlapping `used` tokens.
    func find(in tokens: [Token], skipping used: [Bool], context: ExtractionContext) -> SlotCapture?
    /// The value of exactly these tokens, or nil if they are not one value of this type.
    func value(of tokens: ArraySlice<Token>, context: ExtractionContext) -> String?
}

extension SlotExtractor {
    func spoken(_ value: String) -> String { value }
    var foundIncidentally: Bool { true }

    func find(in tokens: [Token], skipping used: [Bool], context: ExtractionContext) -> SlotCapture? {
        guard foundIncidentally || context.mode == .expected else { return nil }
        let words = tokens.map(\.word)
        for start in words.indices where !used[start] {
            if let (value, length) = self.value(at: start, in: words, context: context),
               !used[start..<(start + length)].contains(true) {
                return SlotCapture(value: value, range: start..<(start + length))
            }
        }
        return nil
    }

    func value(of tokens: ArraySlice<Token>, context: ExtractionContext) -> String? {
        let words = tokens.map(\.word)
        guard let (value, length) = self.value(at: 0, in: words, context: context), length == words.count else { return nil }
        return value
    }
}

extension Array {
    /// The element at `index`, or nil past either end: lets extractors look ahead without bounds checks.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
