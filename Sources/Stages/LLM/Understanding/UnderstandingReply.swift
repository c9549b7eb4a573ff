import Dialogue
import SwitchboardCore

/// Reads an LLM's answer against the schema it was asked for. Anything else — not JSON, not an
/// object, a key missing, a value of the wrong type, an intent not offered — is refused with
/// the reason, so that the script's own matcher decides the turn; nothing here can crash on
/// what a server sends.
///
/// Slot keys the schema did not offer are dropped rather than refused: a server that ignores
/// `strict` may add one, and the rest of its answer is still good. Whether a value is readable
/// (a date that is no date) is the script's to judge (`DialogueScript.respond(…understood:)`).
enum UnderstandingReply {
    static func parse(_ content: String?, choices: UnderstandingChoices) -> Result<Understanding, UnderstandingRejection> {
        guard let content, !content.isEmpty else { return .failure(.init("the answer has no content")) }
        guard let json = try? JSONParser.parse(content) else { return .failure(.init("the answer is not JSON: \(excerpt(content))")) }
        guard let object = json.object else { return .failure(.init("the answer is not a JSON object: \(excerpt(content))")) }
        guard let intentValue = object["intent"] else { return .failure(.init("the answer has no \"intent\"")) }
        let intent: String?
        switch intentValue {
        case .null: intent = nil
        case .string(let name) where choices.intents.contains(where: { $0.name == name }): intent = name
        case .string(let name): return .failure(.init("intent \"\(name)\" is not one of \(choices.intents.map(\.name))"))
        default: return .failure(.init("\"intent\" is neither a string nor null"))
        }
        guard let slotsValue = object["slots"] else { return .failure(.init("the answer has no \"slots\"")) }
        guard let slotObject = slotsValue.object else { return .failure(.init("\"slots\" is not an object")) }
        var slots: [String: String] = [:]
        for (name, value) in slotObject where choices.slots.contains(where: { $0.name == name }) {
            switch value {
            case .null: continue
            case .string(let text):
                let trimmed = text.trimmingWhitespace
                if !trimmed.isEmpty { slots[name] = trimmed }
            default: return .failure(.init("slot \"\(name)\" is neither a string nor null"))
            }
        }
        return .success(Understanding(intent: intent, slots: slots))
    }

    /// The start of a bad answer, for the reason: enough to recognise, never a whole page.
    private static func excerpt(_ text: String) -> String {
        text.count <= 80 ? text : String(text.prefix(80)) + "…"
    }
}

/// Why an answer was not used.
struct UnderstandingRejection: Error, Equatable {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
