import Dialogue
import Providers
import SwitchboardCore

/// The JSON schema an LLM answers a caller turn in, built from what the state can understand:
/// `{"intent": one of the state's intent names or null, "slots": {each slot: string or null}}`.
///
/// Written for OpenAI's strict structured outputs, which accept a schema only when every
/// object lists all its properties as required and forbids others; a key the model should
/// leave empty is therefore nullable rather than optional.
enum UnderstandingSchema {
    /// The `json_schema.name` sent; the mock and OpenAI require one.
    static let name = "caller_turn"

    static func format(for choices: UnderstandingChoices) -> JSONSchemaFormat {
        JSONSchemaFormat(name: name, schema: schema(for: choices), strict: true)
    }

    static func schema(for choices: UnderstandingChoices) -> JSON {
        let intents: [JSON] = choices.intents.map { .string($0.name) } + [.null]
        var slotProperties = JSONObject()
        for slot in choices.slots {
            slotProperties[slot.name] = [
                "type": ["string", "null"],
                "description": .string("\(slot.format); null unless the caller gave it in this utterance"),
            ]
        }
        let slots: JSON = [
            "type": "object",
            "properties": .object(slotProperties),
            "required": .array(choices.slots.map { .string($0.name) }),
            "additionalProperties": false,
        ]
        return [
            "type": "object",
            "properties": [
                "intent": [
                    "type": ["string", "null"],
                    "enum": .array(intents),
                    "description": "what the caller wants; null when no intent fits",
                ],
                "slots": slots,
            ],
            "required": ["intent", "slots"],
            "additionalProperties": false,
        ]
    }
}
