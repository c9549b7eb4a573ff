/// Picks the intent an utterance means, if any.
///
/// Cues are ranked in tiers, because they differ in kind rather than degree: an example phrase
/// matched word for word (placeholders reading as values) beats everything; then a cue that was
/// found — the regex, a keyword, the slot condition; then the example sharing the most words with
/// the utterance, if at least `fuzzyThreshold` of its words are there. Within a tier the higher
/// share, then the longer example, wins; then the intent listed first (a state's own intents are
/// listed before the script's global ones).
enum IntentMatcher {
    /// Share of an example's words (placeholders included) an utterance must contain.
    static let fuzzyThreshold = 0.75

    struct Strength: Comparable {
        enum Tier: Int, Comparable {
            case fuzzy = 1, cue = 2, exact = 3
            static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }
        }
        var tier: Tier
        var coverage: Double
        var words: Int

        static func < (lhs: Strength, rhs: Strength) -> Bool {
            (lhs.tier, lhs.coverage, lhs.words) < (rhs.tier, rhs.coverage, rhs.words)
        }
    }

    struct Match {
        var intent: IntentDefinition
        var strength: Strength
        /// Slot values the matching cues read from the utterance.
        var captures: [String: String]
        /// Every word of the utterance is accounted for by an example phrase.
        var isExact: Bool { strength.tier == .exact }
    }

    static func best(of intents: [IntentDefinition], for utterance: Utterance,
                     slots: [String: SlotDefinition], today: CalendarDay) -> Match? {
        var best: Match?
        for intent in intents {
            guard let match = match(intent, utterance, slots: slots, today: today) else { continue }
            if best == nil || best!.strength < match.strength { best = match }
        }
        return best
    }

    /// The intent's strongest cue, with the captures of every cue that matched (stronger ones
    /// overriding), or nil when none does.
    static func match(_ intent: IntentDefinition, _ utterance: Utterance,
                      slots: [String: SlotDefinition], today: CalendarDay) -> Match? {
        guard !utterance.isEmpty else { return nil }
        var strength: Strength?
        var captures: [String: String] = [:]
        // Called weakest cue first, so a stronger cue's values replace a weaker one's.
        func found(_ candidate: Strength, _ values: [String: String] = [:]) {
            if strength == nil || strength! < candidate { strength = candidate }
            captures.merge(values) { _, new in new }
        }

        var exact: (example: PhrasePattern, values: [String: String])?
        var closest: (coverage: Double, matched: Int, captures: [String: String])?
        for example in intent.examples {
            if let values = example.match(utterance, slots: slots, today: today) {
                exact = (example, values)
                break
            }
            let overlap = example.overlap(with: utterance, slots: slots, today: today)
            if overlap.coverage >= fuzzyThreshold,
               closest == nil || (overlap.coverage, overlap.matched) > (closest!.coverage, closest!.matched) {
                closest = overlap
            }
        }
        if exact == nil, let closest {
            found(Strength(tier: .fuzzy, coverage: closest.coverage, words: closest.matched), closest.captures)
        }

        let keys = utterance.tokens.map(\.matchKey)
        for keyword in intent.keywords where contains(keys, keyword) {
            found(Strength(tier: .cue, coverage: 1, words: keyword.count))
        }
        if let condition = intent.condition, let slot = slots[condition.slot],
           let capture = slot.extractor.find(in: utterance.tokens, skipping: [Bool](repeating: false, count: utterance.count),
                                             context: ExtractionContext(today: today, mode: .expected)),
           condition.value.map({ $0.lowercased() == capture.value.lowercased() }) ?? true {
            found(Strength(tier: .cue, coverage: 1, words: capture.range.count), [condition.slot: capture.value])
        }
        if let regex = intent.regex, let groups = regex.match(utterance.text) {
            var values: [String: String] = [:]
            for (name, text) in groups {
                if let slot = slots[name], let value = value(of: text, slot: slot, today: today) { values[name] = value }
            }
            found(Strength(tier: .cue, coverage: 1, words: 1), values)
        }
        if let exact {
            found(Strength(tier: .exact, coverage: 1, words: exact.example.literalCount), exact.values)
        }
        return strength.map { Match(intent: intent, strength: $0, captures: captures) }
    }

    /// Whether `phrase` occurs as consecutive words of `keys`.
    private static func contains(_ keys: [String], _ phrase: [String]) -> Bool {
        guard phrase.count <= keys.count else { return false }
        return (0...(keys.count - phrase.count)).contains { keys[$0..<($0 + phrase.count)].elementsEqual(phrase) }
    }

    /// A regex group's text as a value of its slot: the whole group, else a value inside it.
    private static func value(of text: String, slot: SlotDefinition, today: CalendarDay) -> String? {
        let group = Utterance(text)
        let context = ExtractionContext(today: today, mode: .expected)
        return slot.extractor.value(of: group.tokens[...], context: context)
            ?? slot.extractor.find(in: group.tokens, skipping: [Bool](repeating: false, count: group.count), context: context)?.value
    }
}
