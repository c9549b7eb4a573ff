import Testing
@testable import Dialogue

/// The error loading `yaml` gives, nil if it loads.
func scriptLoadError(_ yaml: String) -> ScriptError? {
    do {
        _ = try DialogueScript(yaml: yaml, file: "test.yaml")
        return nil
    } catch {
        return error
    }
}

@Suite struct DialogueScriptLoadingTests {
    /// A malformed script, and where and what the error must say.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var line: Int
        var column: Int?
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "YAML: unterminated quote", yaml: """
            start: a
            states:
              a:
                say: "hello
                end: true
            """, line: 4, column: 10, message: "YAML syntax error: found unexpected end of stream (while scanning a quoted scalar)"),
        Case(name: "YAML: a colon inside a plain value", yaml: """
            start: a
            states:
              a:
                say: hello: there
            """, line: 4, column: 15, message: "YAML syntax error: mapping values are not allowed in this context"),
        Case(name: "YAML: bad indentation", yaml: """
            start: a
            states:
              a:
                say: hi
               end: true
            """, line: 5, column: 4, message: "YAML syntax error: did not find expected key (while parsing a block mapping)"),
        Case(name: "an unquoted placeholder starting a list entry", yaml: """
            start: a
            slots:
              day: date
            states:
              a:
                intents:
                  - name: go
                    examples:
                      - {day}
            """, line: 9, column: 13,
            message: "each entry of \"examples\" must be a string, not a mapping (quote a phrase that starts with a {placeholder})"),
        Case(name: "YAML: duplicate key", yaml: """
            start: a
            states:
              a: {say: hi, end: true}
              a: {say: ho, end: true}
            """, line: 3, column: 3, message: "duplicate key \"a\""),
        Case(name: "unknown slot type", yaml: """
            start: a
            slots:
              when: {type: dat}
            states:
              a: {say: hi, end: true}
            """, line: 3, column: 16,
            message: "unknown slot type \"dat\" (expected number, date, time, yesno, name, text)"),
        Case(name: "goto a missing state", yaml: """
            start: a
            states:
              a:
                intents:
                  - name: go
                    keywords: [go]
                    goto: nowhere
            """, line: 7, column: 15, message: "\"goto\" names an undefined state \"nowhere\" (states: a)"),
        Case(name: "start a missing state", yaml: """
            start: begin
            states:
              a: {say: hi, end: true}
            """, line: 1, column: 8, message: "\"start\" names an undefined state \"begin\" (states: a)"),
        Case(name: "undeclared placeholder in a reply", yaml: """
            start: a
            slots:
              date: date
            states:
              a:
                say: "See you at {time}."
                end: true
            """, line: 6, column: 10, message: "undeclared slot \"{time}\" in \"say\" (declared: date)"),
        Case(name: "undeclared placeholder in an example", yaml: """
            start: a
            states:
              a:
                intents:
                  - name: go
                    examples:
                      - book me in
                      - book {day}
            """, line: 8, column: 13, message: "undeclared slot \"{day}\" in \"examples\" (no slots are declared)"),
        Case(name: "unknown key", yaml: """
            start: a
            states:
              a:
                intents:
                  - name: go
                    keywords: [go]
                    gotoo: a
            """, line: 7, column: 9,
            message: "unknown key \"gotoo\" in intent (expected name, label, examples, keywords, regex, slot, value, reply, goto, clear)"),
        Case(name: "missing start", yaml: """
            states:
              a: {say: hi, end: true}
            """, line: 1, column: 1, message: "the script is missing \"start\""),
        Case(name: "invalid regex", yaml: """
            start: a
            states:
              a:
                intents:
                  - name: go
                    regex: '(book'
            """, line: 6, column: 16, message: "invalid regex \"(book\": expected ')'"),
        Case(name: "regex group naming no slot", yaml: """
            start: a
            states:
              a:
                intents:
                  - name: go
                    regex: 'at (?<hour>\\w+)'
            """, line: 6, column: 16, message: "regex group \"hour\" names an undeclared slot (no slots are declared)"),
        Case(name: "name slot without values", yaml: """
            start: a
            slots:
              who: {type: name}
            states:
              a: {say: hi, end: true}
            """, line: 3, column: 8, message: "slot \"who\" of type name needs \"values\", the list of names a caller may give"),
        Case(name: "a string where a list belongs", yaml: """
            start: a
            states:
              a:
                intents:
                  - name: go
                    examples: book me in
            """, line: 6, column: 19, message: "\"examples\" must be a list, not a string"),
        Case(name: "not a boolean", yaml: """
            start: a
            states:
              a:
                say: bye
                end: maybe
            """, line: 5, column: 10, message: "\"end\" must be true or false, not \"maybe\""),
        Case(name: "a value the slot cannot hold", yaml: """
            start: a
            slots:
              ok: yesno
            states:
              a:
                intents:
                  - {name: fine, slot: ok, value: perhaps}
            """, line: 7, column: 39, message: "\"value\" \"perhaps\" is not a value of slot \"ok\" (expected yes or no)"),
        Case(name: "collect without next", yaml: """
            start: a
            slots:
              day: date
            states:
              a:
                collect:
                  - {slot: day, ask: Which day?}
            """, line: 7, column: 7, message: "state \"a\" collects slots but has no \"next\" state to go to once they are filled"),
        Case(name: "an intent with nothing to match", yaml: """
            start: a
            states:
              a:
                intents:
                  - name: go
                    goto: a
            """, line: 5, column: 9, message: "intent \"go\" has nothing to match (give it examples, keywords, regex or slot)"),
        Case(name: "an end state with intents", yaml: """
            start: a
            states:
              a:
                end: true
                intents: [{name: go, keywords: [go]}]
            """, line: 5, column: 14, message: "end state \"a\" cannot have \"intents\": the call is over there"),
        Case(name: "clear an undeclared slot", yaml: """
            start: a
            states:
              a:
                intents: [{name: go, keywords: [go], clear: [day]}]
            """, line: 4, column: 50, message: "\"clear\" names an undeclared slot \"day\" (no slots are declared)"),
    ]

    @Test(arguments: cases)
    func pointsAtTheLine(_ testCase: Case) throws {
        let error = try #require(scriptLoadError(testCase.yaml))
        #expect(error.file == "test.yaml")
        #expect(error.line == testCase.line)
        #expect(error.column == testCase.column)
        #expect(error.message == testCase.message)
    }

    @Test func descriptionReadsLikeACompilerDiagnostic() {
        let error = ScriptError(file: "receptionist.yaml", line: 12, column: 5,
                                message: "unknown slot type \"dat\" (expected number, date, time, yesno, name, text)")
        #expect(error.description == "receptionist.yaml:12:5: unknown slot type \"dat\" (expected number, date, time, yesno, name, text)")
        #expect(ScriptError(file: "a.yaml", line: 3, message: "m").description == "a.yaml:3: m")
        #expect(ScriptError(file: "a.yaml", message: "no such file").description == "a.yaml: no such file")
    }

    @Test func anEmptyOrMissingFileHasNoLine() {
        #expect(scriptLoadError("") == ScriptError(file: "test.yaml", message: "the script is empty"))
        #expect(scriptLoadError("# only a comment\n") == ScriptError(file: "test.yaml", message: "the script is empty"))
        #expect(throws: ScriptError(file: "/nonexistent/script.yaml", message: "no such file")) {
            try DialogueScript(contentsOf: "/nonexistent/script.yaml")
        }
    }

    @Test func aSmallScriptLoads() throws {
        let script = try DialogueScript(yaml: """
            start: a
            slots:
              when: {type: date}
            states:
              a:
                intents:
                  - name: go
                    examples: ["book {when}", "{when} please"]
                    goto: b
              b:
                say: "Booked for {when}."
                end: true
            """, file: "test.yaml")
        #expect(script.wordsPerSecond == nil)
        #expect(script.greeting(in: script.begin(), today: scriptToday) == nil)
        let turn = script.respond(to: "book tomorrow", in: script.begin(), today: scriptToday)
        #expect(turn.reply == "Booked for Sunday 22 November.")
        #expect(turn.state.ended)
    }
}
