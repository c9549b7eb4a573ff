import SwitchboardCore

/// Where a call is in a script: everything the engine needs to answer the next utterance.
///
/// It is a plain value so the stage can run a turn speculatively and throw the result away, and
/// so it survives a restart: `json` goes into the `context` event and `init(json:)` reads it back.
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

    /// `{"state":"booking","slots":{"date":"2026-11-22"},"ended":false}`, slots sorted by name.
    public var json: JSON {
        var slotObject = JSONObject(capacity: slots.count)
        for name in slots.keys.sorted() { slotObject[name] = .string(slots[name]!) }
        return ["state": .string(state), "slots": .object(slotObject), "ended": .bool(ended)]
    }

    /// The inverse of `json`. `ended` may be left out (false); anything else out of shape is an error.
    public init(json: JSON) throws(ScriptError) {
        func bad(_ message: String) -> ScriptError { ScriptError(file: "context", message: message) }
        guard let object = json.object else { throw bad("dialogue state must be an object with state, slots and ended") }
        for key in object.keys where !["state", "slots", "ended"].contains(key) {
            throw bad("unknown key \"\(key)\" in dialogue state (expected state, slots, ended)")
        }
        guard let state = object["state"]?.string, !state.isEmpty else {
            throw bad("dialogue state needs \"state\", a non-empty string")
        }
        var slots: [String: String] = [:]
        if let slotsValue = object["slots"], slotsValue != .null {
            guard let slotObject = slotsValue.object else { throw bad("\"slots\" in dialogue state must be an object") }
            for (name, value) in slotObject {
                guard let text = value.string else { throw bad("slot \"\(name)\" in dialogue state must be a string") }
                slots[name] = text
            }
        }
        var ended = false
        if let endedValue = object["ended"] {
            guard let flag = endedValue.bool else { throw bad("\"ended\" in dialogue state must be true or false") }
            ended = flag
        }
        self.init(state: state, slots: slots, ended: ended)
    }
}
