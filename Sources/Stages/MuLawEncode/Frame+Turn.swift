import SwitchboardCore

extension Frame {
    /// The response turn a frame belongs to: agent audio, `spoken`, and the marks made from
    /// them. Caller audio has none.
    var turn: Int? {
        switch self {
        case .audio(let audio): audio.turn
        case .event(let event): event["turn"]?.int
        }
    }
}
