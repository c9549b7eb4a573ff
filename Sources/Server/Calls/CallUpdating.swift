/// What call control needs of Twilio's REST API: ending a live call, or handing it to a
/// person. `TwilioCallsClient` is the real one; a call that has already ended is not an error.
public protocol CallUpdating: Sendable {
    func hangUpCall(_ callSID: String) async throws
    func transferCall(_ callSID: String, to target: String) async throws
}

extension TwilioCallsClient: CallUpdating {
    public func hangUpCall(_ callSID: String) async throws { _ = try await hangUp(callSID: callSID) }
    public func transferCall(_ callSID: String, to target: String) async throws { _ = try await transfer(callSID: callSID, to: target) }
}
