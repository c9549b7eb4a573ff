/// Relates Twilio's media time (ms since the stream started, stamped on the caller's audio) to
/// the call's own clock (ms since the call started, as the supervisor sees frames).
///
/// A packet can only arrive after it was recorded, and network delay only makes it later, so
/// the least `call − media` seen so far is the best estimate of the offset between the two
/// clocks; jitter never moves it later. A packet stamped further ahead of the call's clock than
/// any network could explain is bogus (a client's bad timestamp) and refused, so one bad packet
/// cannot drag "now" into the future and fill a recording with hours of silence.
struct MediaClock {
    /// How far a packet's media time may run ahead of the call's clock: the supervisor may
    /// learn of the call a little after Twilio began streaming.
    static let aheadToleranceMs = 2000.0

    /// `call ms − media ms`; nil until the first packet.
    private(set) var offsetMs: Double?

    /// Takes in a packet of media time `mediaMs` that arrived at `callMs`; false when that
    /// time is impossible (negative, or too far ahead) and the packet should be ignored.
    mutating func heard(mediaMs: Int, atCallMs callMs: Double) -> Bool {
        guard mediaMs >= 0, Double(mediaMs) <= callMs + Self.aheadToleranceMs else { return false }
        let offset = callMs - Double(mediaMs)
        offsetMs = min(offsetMs ?? offset, offset)
        return true
    }

    /// The media time playing now, as far as the supervisor can tell.
    func mediaMs(atCallMs callMs: Double) -> Double { callMs - (offsetMs ?? 0) }

    /// When the caller's audio of media time `mediaMs` reached the supervisor (least delay).
    func callMs(atMediaMs mediaMs: Double) -> Double { mediaMs + (offsetMs ?? 0) }
}
