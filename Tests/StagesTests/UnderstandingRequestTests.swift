import Dialogue
import Foundation
import Providers
@testable import Stages
import SwitchboardCore
import Testing

/// What `llm-stream --understand` asks, read as the server reads it, and how it reads the
/// answer: the schema is OpenAI strict structured output built from the state's menu; an
/// answer outside it is refused with a reason, never a crash.
@Suite struct UnderstandingRequestTests {
    static let receptionist = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/receptionist.yaml").path
    static let today = CalendarDay(year: 2026, month: 12, day: 2)

    func understander() -> ScriptUnderstander {
        ScriptUnderstander(name: "openai", client: ChatCompletionsClient(baseURL: "http://127.0.0.1:9/v1", apiKey: nil),
            model: "mock-model", deadline: .milliseconds(600), breaker: .init(name: "understand"))
    }

    /// The request body as sent, parsed back from its bytes.
    func sentBody(_ utterance: String, in state: DialogueState) throws -> JSONObject {
        let script = try DialogueScript(contentsOf: Self.receptionist)
        let request = understander().request(for: utterance, choices: script.understandingChoices(in: state), today: Self.today)
        return try #require(try JSONParser.parse(JSONWriter.string(request.json)).object)
    }

    @Test func theRequestIsAStrictSchemaOfTheStatesIntentsAndSlots() throws {
        let body = try sentBody("I'd like to arrange a check-up", in: DialogueState(state: "welcome"))
        #expect(body["model"] == "mock-model")
        #expect(body["stream"] == false)
        #expect(body["temperature"]?.double == 0)
        let format = try #require(body["response_format"]?.object)
        #expect(format["type"] == "json_schema")
        let jsonSchema = try #require(format["json_schema"]?.object)
        #expect(jsonSchema["strict"] == true)
        #expect(jsonSchema["name"]?.string?.isEmpty == false)
        let schema = try #require(jsonSchema["schema"]?.object)
        #expect(schema["additionalProperties"] == false)
        #expect(schema["required"] == ["intent", "slots"])
        let intent = try #require(schema["properties"]?.object?["intent"]?.object)
        // The welcome state's own intents, then the script's global ones, then "none of them".
        #expect(intent["enum"] == ["book", "person", "hours", "goodbye", nil])
        let slots = try #require(schema["properties"]?.object?["slots"]?.object)
        #expect(slots["additionalProperties"] == false)
        #expect(slots["required"]?.array?.count == slots["properties"]?.object?.count)

        let messages = try #require(body["messages"]?.array)
        #expect(messages.last?.object?["role"] == "user")
        #expect(messages.last?.object?["content"] == "I'd like to arrange a check-up")
        let system = try #require(messages.first?.object?["content"]?.string)
        #expect(system.contains("Wednesday 2026-12-02"), "the model resolves \"Friday\" from the date and weekday")
        #expect(system.contains("i need an appointment"), "the intents' examples")
    }

    @Test func theBookingStateOffersItsSlotsWithTheirFormatsAndCurrentValues() throws {
        let body = try sentBody("make it friday instead", in: DialogueState(state: "booking", slots: ["name": "Asha", "date": "2026-12-03"]))
        let schema = body["response_format"]?.object?["json_schema"]?.object?["schema"]?.object
        let slots = try #require(schema?["properties"]?.object?["slots"]?.object?["properties"]?.object)
        #expect(Set(slots.keys).isSuperset(of: ["name", "date", "time"]), "\(slots.keys)")
        #expect(slots["date"]?.object?["type"] == ["string", "null"])
        #expect(slots["date"]?.object?["description"]?.string?.contains("YYYY-MM-DD") == true)
        let system = try #require(body["messages"]?.array?.first?.object?["content"]?.string)
        #expect(system.contains("now 2026-12-03"), "a correction needs the value it corrects")
        #expect(system.contains("Asha"))
    }

    @Test(arguments: [
        (CalendarDay(year: 2026, month: 12, day: 2), "Wednesday"), (CalendarDay(year: 2026, month: 11, day: 22), "Sunday"),
        (CalendarDay(year: 2024, month: 2, day: 29), "Thursday"), (CalendarDay(year: 2000, month: 1, day: 1), "Saturday"),
    ])
    func weekdays(day: CalendarDay, name: String) {
        #expect(day.weekdayName == name)
    }

    /// The booking state's menu: the global intents (hours, goodbye) and the slots it collects.
    func choices() throws -> UnderstandingChoices {
        try DialogueScript(contentsOf: Self.receptionist).understandingChoices(in: DialogueState(state: "booking"))
    }

    @Test func aGoodAnswerIsReadWithNullsAndBlanksLeftOut() throws {
        let choices = try choices()
        let reply = #"{"intent":"hours","slots":{"date":" 2026-12-04 ","name":null,"time":""}}"#
        #expect(try UnderstandingReply.parse(reply, choices: choices).get() == Understanding(intent: "hours", slots: ["date": "2026-12-04"]))
        let none = #"{"intent":null,"slots":{"name":"Meera Iyer","date":null,"time":null,"colour":"blue"}}"#
        #expect(try UnderstandingReply.parse(none, choices: choices).get() == Understanding(intent: nil, slots: ["name": "Meera Iyer"]),
            "a slot the schema did not offer is dropped, the rest kept")
    }

    @Test(arguments: [
        (nil, "no content"),
        ("", "no content"),
        ("Sure! The caller wants to book.", "not JSON"),
        (#"{"intent":"book","slots":{"#, "not JSON"),
        (#"["book"]"#, "not a JSON object"),
        (#""book""#, "not a JSON object"),
        (#"{"slots":{}}"#, "no \"intent\""),
        (#"{"intent":3,"slots":{}}"#, "neither a string nor null"),
        (#"{"intent":"dance","slots":{}}"#, "\"dance\" is not one of"),
        (#"{"intent":"book","slots":{}}"#, "\"book\" is not one of"),  // the booking state's menu has no "book"
        (#"{"intent":"hours"}"#, "no \"slots\""),
        (#"{"intent":"hours","slots":[]}"#, "not an object"),
        (#"{"intent":null,"slots":{"date":20261204}}"#, "slot \"date\""),
    ] as [(String?, String)])
    func anAnswerOutsideTheSchemaIsRefusedWithItsReason(reply: String?, reason: String) throws {
        let result = UnderstandingReply.parse(reply, choices: try choices())
        guard case .failure(let rejection) = result else {
            Issue.record("accepted \(String(describing: reply))")
            return
        }
        #expect(rejection.reason.contains(reason), "\(rejection.reason)")
    }
}
