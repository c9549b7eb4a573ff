import Dialogue
import Foundation
import Providers
import Resilience
@testable import Stages
import Supervisor
import SwitchboardCore
import Testing

/// LLM-guided scripts against a real `switchboard mock-providers` on 127.0.0.1: its scripted
/// replies are the LLM's structured answers, its faults the slow and failing servers. Whatever
/// the server does, the caller gets the script's reply, and never waits past the deadline.
@Suite struct UnderstandingMockTests {
    static let today = CalendarDay(year: 2026, month: 12, day: 2)
    static let checkUp = "I'd like to arrange a check-up"
    /// German for "I'd like to arrange an appointment with the doctor": no word of it is in the
    /// script, which an LLM does not need.
    static let german = "Ich möchte einen Termin beim Arzt vereinbaren"
    static let goodAnswer = #"{"intent":"book","slots":{"date":"2026-12-04","name":null,"time":null}}"#

    let script: DialogueScript

    init() throws { script = try DialogueScript(contentsOf: UnderstandingRequestTests.receptionist) }

    func understander(_ base: String, http: HTTPClient, deadline: Duration = .seconds(5), failures: Int = 3) -> ScriptUnderstander {
        ScriptUnderstander(name: "openai",
            client: ChatCompletionsClient(baseURL: base, apiKey: "test-key", timeouts: .init(connect: .seconds(2), total: .seconds(10)), http: http),
            model: "mock-model", deadline: deadline,
            breaker: CircuitBreaker(name: "understand", configuration: .init(failureThreshold: failures, openInterval: .seconds(60))))
    }

    /// The dialogue state after the script engine answers `utterance` in `state`.
    func stateAfter(_ utterance: String, in state: DialogueState = DialogueState(state: "welcome"),
                    understander: ScriptUnderstander?) async throws -> DialogueState {
        let engine = ScriptEngine(script: script, wordsPerSecond: 0, today: Self.today, understander: understander)
        for try await chunk in try await engine.respond(to: Prompt(user: utterance, engineState: state.json)) {
            if case .engineState(let json) = chunk { return try DialogueState(json: json) }
        }
        throw UnderstandingTestError("the engine sent no state")
    }

    func rulesAlone(_ utterance: String, in state: DialogueState = DialogueState(state: "welcome")) async throws -> DialogueState {
        try await stateAfter(utterance, in: state, understander: nil)
    }

    /// Words no example or keyword of the script has (another language): the rules cannot tell
    /// what the caller wants; the LLM's reading starts the booking.
    @Test func aGoodAnswerDecidesTheIntentTheRulesCannotFind() async throws {
        let http = HTTPClient()
        try await withMockProviders({ $0.replies = [Self.goodAnswer] }) { mock, base in
            let guided = try await stateAfter(Self.german, understander: understander(base, http: http))
            #expect(guided.state == "booking")
            let rules = try await rulesAlone(Self.german)
            #expect(rules.state == "welcome", "the rules alone do not find the booking in \"\(Self.german)\"")
            // Accepted by the mock's OpenAI-like check of the strict schema, and asked once.
            #expect(mock.count("chat", "requests") == 1)
        }
    }

    /// A day said in a way the script's date reader does not know, read by the LLM as the
    /// schema's YYYY-MM-DD.
    @Test func aGoodAnswerFillsTheSlotTheRulesCannotRead() async throws {
        let http = HTTPClient()
        let reply = #"{"intent":null,"slots":{"name":null,"date":"2026-12-04","time":null}}"#
        let asking = DialogueState(state: "booking", slots: ["name": "Asha"])
        let utterance = "übermorgen, bitte"  // "the day after tomorrow, please"
        try await withMockProviders({ $0.replies = [reply] }) { _, base in
            let guided = try await stateAfter(utterance, in: asking, understander: understander(base, http: http))
            #expect(guided.state == "booking")
            #expect(guided.slots == ["name": "Asha", "date": "2026-12-04"])
            let rules = try await rulesAlone(utterance, in: asking)
            #expect(rules.slots["date"] == nil, "the rules read no day in \"\(utterance)\": \(rules.slots)")
        }
    }

    @Test func theOutcomeSaysWhatWasUnderstoodAndHowLongItTook() async throws {
        let http = HTTPClient()
        try await withMockProviders({ $0.replies = [Self.goodAnswer] }) { _, base in
            let outcome = await understander(base, http: http).understand(Self.checkUp,
                choices: script.understandingChoices(in: DialogueState(state: "welcome")), today: Self.today)
            // The welcome state offers the slots its intents go on to collect: the date is read.
            #expect(outcome.result == .understood(Understanding(intent: "book", slots: ["date": "2026-12-04"])))
            #expect(outcome.label == "understood")
            #expect(outcome.elapsed > .zero && outcome.elapsed < .seconds(5))
        }
    }

    @Test(arguments: [
        "I would like to book an appointment, thank you.",  // a reply in prose, not JSON
        #"{"intent":"book","slots":{"date":"2026-12-04""#,  // cut off
        #"{"intent":"reschedule","slots":{"date":"2026-12-04","name":null,"time":null}}"#,  // no such intent
    ])
    func anAnswerOutsideTheSchemaLeavesTheTurnToTheRules(reply: String) async throws {
        let http = HTTPClient()
        try await withMockProviders({ $0.replies = [reply] }) { _, base in
            let utterance = "i need an appointment tomorrow"
            let understander = understander(base, http: http)
            let outcome = await understander.understand(utterance, choices: script.understandingChoices(in: DialogueState(state: "welcome")),
                today: Self.today)
            #expect(outcome.label == "rejected", "\(outcome.result)")
            let guided = try await stateAfter(utterance, understander: understander)
            let rules = try await rulesAlone(utterance)
            #expect(guided == rules)
            #expect(guided.slots["date"] == "2026-12-03", "the rules read \"tomorrow\"")
        }
    }

    @Test func aValueItsSlotCannotReadIsIgnoredAndTheRestUsed() async throws {
        let http = HTTPClient()
        let reply = #"{"intent":null,"slots":{"name":"Meera Iyer","date":"whenever suits","time":null}}"#
        try await withMockProviders({ $0.replies = [reply] }) { _, base in
            let guided = try await stateAfter("it's meera iyer, any day is fine", in: DialogueState(state: "booking"),
                understander: understander(base, http: http))
            #expect(guided.state == "booking")
            #expect(guided.slots == ["name": "Meera Iyer"], "the name kept, the date that is no date dropped")
        }
    }

    @Test func aSlowServerIsCutAtTheDeadlineAndTheRulesAnswer() async throws {
        let http = HTTPClient()
        var slow = MockFaults()
        slow.ttfbMs = 3000
        try await withMockProviders({ $0.replies = [Self.goodAnswer]; $0.faults[.chat] = slow }) { _, base in
            let understander = understander(base, http: http, deadline: .milliseconds(300))
            let utterance = "i need an appointment tomorrow"
            let clock = ContinuousClock()
            let start = clock.now
            let guided = try await stateAfter(utterance, understander: understander)
            let waited = clock.now - start
            // Well under the server's 3 s, with room for a loaded machine.
            #expect(waited < .milliseconds(2000), "the turn waited \(waited) for a server that answers after 3 s")
            #expect(waited >= .milliseconds(300))
            let rules = try await rulesAlone(utterance)
            #expect(guided == rules)
            let released = try await eventually(timeout: .seconds(2)) { http.activeTransfers == 0 }
            #expect(released, "the cut request's curl transfer is released")

            let outcome = await understander.understand(utterance, choices: script.understandingChoices(in: DialogueState(state: "welcome")),
                today: Self.today)
            #expect(outcome.label == "timed_out")
            #expect(outcome.elapsed < .milliseconds(2000))
        }
    }

    @Test func aFailingServerOpensTheBreakerAndIsNoLongerAsked() async throws {
        let http = HTTPClient()
        var failing = MockFaults()
        failing.serverError = 1
        try await withMockProviders({ $0.replies = [Self.goodAnswer]; $0.faults[.chat] = failing }) { mock, base in
            let understander = understander(base, http: http, failures: 3)
            var labels: [String] = []
            for _ in 0..<6 {
                labels.append(await understander.understand(Self.checkUp,
                    choices: script.understandingChoices(in: DialogueState(state: "welcome")), today: Self.today).label)
            }
            #expect(labels == ["failed", "failed", "failed", "breaker_open", "breaker_open", "breaker_open"])
            #expect(mock.count("chat", "requests") == 3, "no request once the breaker is open")
            // Each turn is still answered, by the rules.
            let utterance = "i need an appointment tomorrow"
            let guided = try await stateAfter(utterance, understander: understander)
            let rules = try await rulesAlone(utterance)
            #expect(guided == rules)
        }
    }

    @Test func cancellingTheTurnAbortsTheRequest() async throws {
        let http = HTTPClient()
        var slow = MockFaults()
        slow.ttfbMs = 3000
        try await withMockProviders({ $0.replies = [Self.goodAnswer]; $0.faults[.chat] = slow }) { _, base in
            let understander = understander(base, http: http, deadline: .seconds(10))
            let choices = script.understandingChoices(in: DialogueState(state: "welcome"))
            let turn = Task { await understander.understand(Self.checkUp, choices: choices, today: Self.today) }
            try await Task.sleep(for: .milliseconds(200))
            let sent = try await eventually(timeout: .seconds(2)) { http.activeTransfers == 1 }
            #expect(sent, "the request is on its way")
            turn.cancel()
            let outcome = await turn.value
            #expect(outcome.label == "cancelled")
            #expect(outcome.elapsed < .seconds(2))
            let aborted = try await eventually(timeout: .seconds(2)) { http.activeTransfers == 0 }
            #expect(aborted, "the cancelled request's curl transfer is released")
            #expect(understander.breaker.consecutiveFailures == 0, "a cancelled turn says nothing about the server")
        }
    }

    @Test(arguments: [
        (#"{"type":"json_schema","json_schema":{"schema":{"type":"object"}}}"#, "'response_format.json_schema.name'"),
        (#"{"type":"json_schema","json_schema":{"name":"caller_turn"}}"#, "'response_format.json_schema.schema'"),
        (#"{"type":"json_schema"}"#, "'response_format.json_schema'"),
        (#"{"type":"yaml"}"#, "Invalid value: 'yaml'"),
        (#"{"type":"json_schema","json_schema":{"name":"t","strict":true,"schema":{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}}}"#,
            "'additionalProperties' is required"),
        (#"{"type":"json_schema","json_schema":{"name":"t","strict":true,"schema":{"type":"object","properties":{"a":{"type":"string"}},"required":[],"additionalProperties":false}}}"#,
            "Missing 'a'"),
    ])
    func theMockRefusesAMalformedResponseFormatAsOpenAIDoes(format: String, problem: String) async throws {
        let http = HTTPClient()
        try await withMockProviders({ $0.replies = [Self.goodAnswer] }) { mock, base in
            let body = #"{"model":"mock-model","messages":[{"role":"user","content":"hi"}],"response_format":"# + format + "}"
            let response = try await http.execute(HTTPRequest(method: "POST", url: base + "/chat/completions",
                headers: [("Content-Type", "application/json")], body: Array(body.utf8)))
            let answer = try JSONParser.parse(try await response.body.collect())
            #expect(response.status == 400)
            let message = answer.object?["error"]?.object?["message"]?.string ?? ""
            #expect(message.contains(problem), "\(message)")
            #expect(answer.object?["error"]?.object?["type"] == "invalid_request_error")
        }
    }

    @Test func aRequestRefusedByTheServerIsAFailureAndTheRulesAnswer() async throws {
        let http = HTTPClient()
        try await withMockProviders({ $0.replies = [Self.goodAnswer] }) { _, base in
            // A schema name OpenAI refuses: the 400 reaches the understander as a failure.
            let understander = understander(base + "/", http: http)
            let format = JSONSchemaFormat(name: "caller turn", schema: ["type": "object"])
            let request = ChatCompletionRequest(model: "mock-model", messages: [.init(role: "user", content: "hi")], responseFormat: format)
            await #expect(throws: ProviderError.self) { try await understander.client.complete(request) }
        }
    }
}

struct UnderstandingTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
