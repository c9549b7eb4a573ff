import Testing
@testable import Dialogue

/// An intent's regex is compiled once at load and then shared by every call that matches with it.
@Suite struct ScriptRegexTests {
    @Test func namedGroupsComeBackByName() throws {
        let regex = try ScriptRegex(#"(?:speak|talk) to (?<who>\w+)(?: at (?<when>\w+))?"#)
        #expect(regex.groupNames == ["who", "when"])
        #expect(regex.match("can i speak to asha please") == ["who": "asha"])
        #expect(regex.match("talk to ravi at noon") == ["who": "ravi", "when": "noon"])
        #expect(regex.match("hello there") == nil)
    }

    @Test func matchingIgnoresCase() throws {
        #expect(try ScriptRegex("SPEAK TO (?<who>\\w+)").match("speak to asha") == ["who": "asha"])
    }

    /// One loaded script answers many calls at once: the regex intent fills its slot in each.
    @Test func aRegexIntentFillsItsSlotInConcurrentCalls() async throws {
        let script = try DialogueScript(yaml: """
            start: desk
            slots:
              who: {type: name, values: [Asha, Ravi]}
            states:
              desk:
                intents:
                  - name: ask-for
                    regex: '(?:speak|talk) (?:to|with) (?<who>\\w+)'
                    reply: "Putting you through to {who}."
            """, file: "regex.yaml")
        let today = CalendarDay(year: 2026, month: 11, day: 21)
        let replies = await withTaskGroup(of: String.self) { group in
            for n in 0..<64 {
                group.addTask {
                    let caller = n.isMultiple(of: 2) ? "asha" : "ravi"
                    return script.respond(to: "could i talk with \(caller)", in: script.begin(), today: today).reply
                }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(replies.filter { $0 == "Putting you through to Asha." }.count == 32)
        #expect(replies.filter { $0 == "Putting you through to Ravi." }.count == 32)
    }
}
