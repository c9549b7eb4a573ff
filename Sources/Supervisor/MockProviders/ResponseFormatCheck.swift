import SwitchboardCore

/// Checks a chat request's `response_format` as OpenAI does before answering, so that a
/// client's structured-output request is known to be acceptable: `type` is `text`,
/// `json_object` or `json_schema`; a `json_schema` has a `name` (letters, digits, `_`, `-`, at
/// most 64) and a `schema`; with `strict: true`, every object in the schema forbids other
/// properties (`additionalProperties: false`) and requires all of its own.
///
/// The mock does not make the model obey the schema: its scripted replies are the answers,
/// which is how a test gives a client a good, a malformed or an off-schema answer.
enum ResponseFormatCheck {
    /// What is wrong, worded like OpenAI's 400 message; nil when the format is acceptable.
    static func problem(_ format: JSON) -> String? {
        guard let object = format.object else { return "Invalid type for 'response_format': expected an object." }
        guard let type = object["type"]?.string else { return "Missing required parameter: 'response_format.type'." }
        switch type {
        case "text", "json_object": return nil
        case "json_schema": break
        default: return "Invalid value: '\(type)'. Supported values are: 'json_object', 'json_schema', and 'text'."
        }
        guard let jsonSchema = object["json_schema"]?.object else { return "Missing required parameter: 'response_format.json_schema'." }
        guard let name = jsonSchema["name"]?.string else { return "Missing required parameter: 'response_format.json_schema.name'." }
        guard !name.isEmpty, name.count <= 64, name.unicodeScalars.allSatisfy(isNameCharacter) else {
            return "Invalid 'response_format.json_schema.name': string does not match pattern '^[a-zA-Z0-9_-]{1,64}$'."
        }
        guard let schema = jsonSchema["schema"] else { return "Missing required parameter: 'response_format.json_schema.schema'." }
        guard schema.object != nil else { return "Invalid type for 'response_format.json_schema.schema': expected an object." }
        if jsonSchema["strict"]?.bool == true, let problem = strictProblem(schema, context: []) {
            return "Invalid schema for response_format '\(name)': \(problem)"
        }
        return nil
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
    }

    /// The first rule of strict mode that `schema` breaks, with where (OpenAI's `context=(…)`).
    private static func strictProblem(_ schema: JSON, context: [String]) -> String? {
        guard let object = schema.object else { return nil }
        let place = "In context=(\(context.map { "'\($0)'" }.joined(separator: ", ")))"
        if let properties = object["properties"]?.object {
            guard object["additionalProperties"] == .bool(false) else {
                return "\(place), 'additionalProperties' is required to be supplied and to be false."
            }
            let required = Set((object["required"]?.array ?? []).compactMap(\.string))
            if let missing = properties.keys.first(where: { !required.contains($0) }) {
                return "\(place), 'required' is required to be supplied and to be an array including every key in properties. Missing '\(missing)'."
            }
            for (key, value) in properties {
                if let problem = strictProblem(value, context: context + ["properties", key]) { return problem }
            }
        } else if object["type"] == .string("object"), object["additionalProperties"] != .bool(false) {
            return "\(place), 'additionalProperties' is required to be supplied and to be false."
        }
        if let items = object["items"], let problem = strictProblem(items, context: context + ["items"]) { return problem }
        for (index, option) in (object["anyOf"]?.array ?? []).enumerated() {
            if let problem = strictProblem(option, context: context + ["anyOf", String(index)]) { return problem }
        }
        return nil
    }
}
