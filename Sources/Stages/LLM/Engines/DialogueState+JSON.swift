import Dialogue
import SwitchboardCore

/// The dialogue state as the script engine hands it back between turns and as it travels in the
/// `context` event (`engine_state`), so a restarted stage carries on where the call stood.
extension DialogueState {
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
