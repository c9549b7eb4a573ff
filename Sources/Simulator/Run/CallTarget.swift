/// Where a simulated call goes.
public enum CallTarget: Sendable {
    /// A Switchboard server (or a balancer before several), reached as Twilio reaches it:
    /// the voice webhook first, then the stream it names.
    case server(TwilioDialIn)
    /// Straight to a Media Streams WebSocket (`ws://host:port/media`), as for another vendor's
    /// agent; no webhooks, so the call's ending is only what the socket shows.
    case media(url: String)
}
