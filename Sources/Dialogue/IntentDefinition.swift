/// Something a caller may want, and what the script does about it.
///
/// An intent matches when any of its cues does: an example phrase, a keyword, the regex, or the
/// slot condition. What it does: capture slots, clear others, reply, go to a state.
struct IntentDefinition: Sendable {
    var name: String
    var examples: [PhrasePattern]
    /// Words or phrases, each as the match keys of its words; present anywhere = a match.
    var keywords: [[String]]
    var regex: ScriptRegex?
    var condition: SlotCondition?
    var reply: ReplyTemplate?
    var goto: String?
    /// Slots forgotten before this intent's captures are stored ("no" at a confirmation).
    var clear: [String]
    /// How a clarifying question names the intent ("book an appointment"); nil: the name.
    var label: String? = nil
    /// The keywords' words as written, for the similarity scorer.
    var keywordTokens: [[Token]] = []
    /// Filled when the whole script is loaded (`IntentProfile.build`).
    var profile = IntentProfile()
}

/// `slot:` (and `value:`) on an intent: it matches when the utterance holds a value for the slot,
/// read as expected ("yes" for a yes/no slot), and equal to `value` if one is given.
struct SlotCondition: Sendable {
    var slot: String
    /// Canonical form, compared ignoring case.
    var value: String?
}
