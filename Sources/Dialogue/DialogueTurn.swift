/// One answer of the script: what to say and where the call stands afterwards.
public struct DialogueTurn: Sendable, Equatable {
    /// The full text to say, possibly several sentences; empty once the call has ended.
    public var reply: String
    /// The state after this turn.
    public var state: DialogueState
    /// The intent that matched; nil for a fallback, a greeting, or a turn that only filled slots.
    var intent: String?
    /// The dialogue ended in a `transfer:` state: once the reply has been heard, the caller is
    /// handed to this number or SIP URI instead of being hung up on.
    public var transfer: TransferDestination?

    init(reply: String, state: DialogueState, intent: String? = nil, transfer: TransferDestination? = nil) {
        self.reply = reply
        self.state = state
        self.intent = intent
        self.transfer = transfer
    }
}
