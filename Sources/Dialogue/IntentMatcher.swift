/// Picks the intent an utterance means, or finds it could mean several.
///
/// Each intent gets a strength: a tier, then a score from 0 to 1.
/// - exact (1): an example phrase said word for word (placeholders reading as values);
/// - answer (0.8): the slot condition holds — "yes" for an intent with `slot: confirm`; the
///   state asked a question and this is its answer;
/// - cue: one of its keywords or its regex is found;
/// - similar: its similarity (`IntentSimilarity`: how much of what was said points to this
///   intent rather than another, and how much of its closest example was said).
/// Within a tier the higher similarity, then the intent listed first, ranks higher. The best
/// wins outright from the cue tier up; from the similar tier only if it reaches `threshold`
/// and leads the runner-up by `margin` — intents that come close, or a single weak one, make a
/// clarifying question.
///
/// Worked example, the receptionist's welcome state: "can someone help me book a check-up"
/// finds the keyword "book" (and `person` is only similar, by "someone"): a match for `book`.
/// "hello i was hoping to see someone" scores both about 0.45: the caller is asked whether
/// they want to book an appointment or speak to a person. At the confirmation, "perfect,
/// thanks" is the answer `yes` although "thanks" is like the global `goodbye`'s examples.
enum IntentMatcher {
    static let threshold = 0.5
    static let margin = 0.15
    /// Below this an intent is not even a candidate for a clarifying question.
    static let candidate = 0.3
    /// What a value for a slot an intent goes on to collect is worth on its own.
    static let evidenceScore = 0.6

    struct Strength: Comparable {
        enum Tier: Int, Comparable {
            case similar = 1, cue = 2, answer = 3, exact = 4
            static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }
        }
        var tier: Tier
        var score: Double

        static func < (lhs: Strength, rhs: Strength) -> Bool { (lhs.tier, lhs.score) < (rhs.tier, rhs.score) }
    }

    struct Match {
        var intent: IntentDefinition
        var strength: Strength
        /// Slot values the matching cues read from the utterance.
        var captures: [String: String]
        /// Every word of the utterance is accounted for by an example phrase.
        var isExact: Bool { strength.tier == .exact }
    }

    enum Decision {
        case matched(Match)
        /// Two or more intents, or one weakly: the best first.
        case unclear([IntentDefinition])
        case none
    }

    /// `evidence`: slots with a value in the utterance; an intent that goes on to collect one
    /// of them scores at least `evidenceScore`.
    static func decide(among intents: [IntentDefinition], for utterance: Utterance, slots: [String: SlotDefinition],
                       vocabulary: TermVocabulary, evidence: Set<String> = [], today: CalendarDay) -> Decision {
        let similarity = IntentSimilarity(utterance: utterance, vocabulary: vocabulary, evidence: evidence)
        var ranked: [Match] = []
        for intent in intents where !ranked.contains(where: { $0.intent.name == intent.name }) {
            guard var match = match(intent, utterance, similarity: similarity, slots: slots, today: today)
                ?? (evidence.isEmpty ? nil : Match(intent: intent, strength: Strength(tier: .similar, score: 0), captures: [:]))
            else { continue }
            if match.strength.tier == .similar, !intent.profile.leadsTo.isDisjoint(with: evidence) {
                match.strength.score = max(match.strength.score, evidenceScore)
            }
            if match.strength.tier > .similar || match.strength.score > 0 { ranked.append(match) }
        }
        // Stable: on equal strength the intent listed first (the state's own before the global ones) wins.
        ranked = ranked.enumerated().sorted { ($1.element.strength, $0.offset) < ($0.element.strength, $1.offset) }.map(\.element)
        guard let best = ranked.first, best.strength.tier > .similar || best.strength.score >= candidate else { return .none }
        let rival = ranked.dropFirst().first.flatMap { $0.strength.tier == best.strength.tier ? $0.strength.score : nil } ?? 0
        if best.strength.tier > .similar || (best.strength.score >= threshold && best.strength.score - rival >= margin) {
            return .matched(best)
        }
        let close = ranked.filter { $0.strength.score >= candidate && best.strength.score - $0.strength.score < margin }
        if close.count >= 2 { return .unclear(close.prefix(3).map(\.intent)) }
        // One weak candidate: offer it beside the next most likely, so the question is a choice.
        return .unclear(([best] + ranked.dropFirst().prefix(1)).map(\.intent))
    }

    /// The intent's strongest cue, with the captures of every cue that matched, or nil when
    /// none does.
    static func match(_ intent: IntentDefinition, _ utterance: Utterance, similarity: IntentSimilarity,
                      slots: [String: SlotDefinition], today: CalendarDay) -> Match? {
        guard !utterance.isEmpty else { return nil }
        var strength = Strength(tier: .similar, score: similarity.score(intent.profile))
        // Matched by similarity, the placeholders take the values that are self-evident.
        var captures: [String: String] = [:]
        let unused = [Bool](repeating: false, count: utterance.count)
        for name in Set(intent.examples.flatMap(\.slotNames)) where strength.score > 0 {
            if let value = slots[name]?.settledValue(in: utterance, context: ExtractionContext(today: today, mode: .incidental),
                                                     used: unused)?.value {
                captures[name] = value
            }
        }
        func found(_ candidate: Strength, _ values: [String: String] = [:]) {
            if strength < candidate { strength = candidate }
            captures.merge(values) { _, new in new }
        }
        let cue = Strength(tier: .cue, score: strength.score)
        let keys = utterance.tokens.map(\.matchKey)
        if intent.keywords.contains(where: { contains(keys, $0) }) { found(cue) }
        if let condition = intent.condition, let slot = slots[condition.slot],
           let capture = slot.extractor.find(in: utterance.tokens, skipping: [Bool](repeating: false, count: utterance.count),
                                             context: ExtractionContext(today: today, mode: .expected)),
           condition.value.map({ $0.lowercased() == capture.value.lowercased() }) ?? true {
            found(Strength(tier: .answer, score: strength.score), [condition.slot: capture.value])
        }
        if let regex = intent.regex, let groups = regex.match(utterance.text) {
            var values: [String: String] = [:]
            for (name, text) in groups {
                if let slot = slots[name], let value = value(of: text, slot: slot, today: today) { values[name] = value }
            }
            found(cue, values)
        }
        for example in intent.examples {
            if let values = example.match(utterance, slots: slots, today: today) {
                found(Strength(tier: .exact, score: strength.score), values)
                break
            }
        }
        return strength.tier > .similar || strength.score > 0 ? Match(intent: intent, strength: strength, captures: captures) : nil
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
