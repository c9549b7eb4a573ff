/// Where a call is in a script: everything the engine needs to answer the next utterance.
///
/// It is a plain value so the stage can run a turn speculatively and throw the result away, and
/// so it survives a restart: `llm-stream` writes it into its `context` event and reads it back.
public struct DialogueState: Sendable, Equatable {
    /// The current state's name in the script.
    public var state: String
    /// Captured slots, by slot name, in canonical form: date `2026-11-22`, time `10:00` (24 h),
    /// number `3`, yesno `yes`/`no`, a name as the script lists it (`Asha`), text as said.
    public var slots: [String: String]
    /// An end state was reached: further input gets no reply.
    public var ended: Bool

    public init(state: String, slots: [String: String] = [:], ended: Bool = false) {
        self.state = state
        self.slots = slots
        self.ended = ended
    }
}
