/// The words by which callers take back what they said: "no, I said Friday", "make it four
/// instead", "Friday nahi, Thursday", "Friday so it'd have to be Thursday".
enum ChangeWords {
    /// Words that announce a change of mind.
    static let cues: Set<String> = ["instead", "actually", "change", "make", "said", "rather", "switch", "move",
                                    "correction", "mean", "meant", "wait", "sorry", "bola", "kar", "karo", "not", "nahi", "no",
                                    "scratch", "prepone", "postpone", "reschedule"]
    /// Words after which a second value is the one meant: the cues, and a conclusion ("my
    /// daughter's birthday is Friday so it'd have to be Thursday", "between two and three,
    /// let's say two thirty").
    static let settlers: Set<String> = cues.subtracting(["not"]).union(["so", "say", "then", "better", "prefer", "rather"])
    /// Words after a value that reject it ("Rohit nahi"), or before it ("not Monday", "rather
    /// than half two").
    static let rejectingAfter: Set<String> = ["nahi", "nahin"]
    static let rejectingBefore: Set<String> = ["not", "than"]
}
