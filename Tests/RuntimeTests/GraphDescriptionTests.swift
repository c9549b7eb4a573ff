import Testing
@testable import Runtime

@Suite struct GraphDescriptionTests {
    @Test func nodesAndAlternatives() throws {
        let graph = try GraphDescription(parsing: "mulaw-decode --rate 8000 | vad|llm-stream --engine groq || llm-stream --engine script | sentence-split")
        #expect(graph.nodes.map(\.alternatives) == [
            [["mulaw-decode", "--rate", "8000"]],
            [["vad"]],
            [["llm-stream", "--engine", "groq"], ["llm-stream", "--engine", "script"]],
            [["sentence-split"]],
        ])
    }

    @Test func quotingAsAShellDoes() throws {
        let graph = try GraphDescription(parsing: #"llm-stream --system 'Be brief | polite' --greeting "Hi, \"you\"" a\ b 'it'\''s'"#)
        #expect(graph.nodes[0].alternatives[0] == ["llm-stream", "--system", "Be brief | polite", "--greeting", #"Hi, "you""#, "a b", "it's"])
    }

    @Test func emptyQuotedWordIsAWord() throws {
        #expect(try GraphDescription(parsing: "x ''").nodes[0].alternatives[0] == ["x", ""])
    }

    @Test func writtenBackParsesToTheSameGraph() throws {
        let graph = try GraphDescription(parsing: #"a 'b c' "it's" || d | e '' 'x|y'"#)
        #expect(try GraphDescription(parsing: graph.description) == graph)
    }

    @Test(arguments: [
        ("", "the graph is empty"),
        ("  ", "the graph is empty"),
        ("vad |", "expected a command after '|'"),
        ("| vad", "expected a command before '|'"),
        ("vad | | x", "expected a command before '|' after '|'"),
        ("a || | b", "expected a command before '|' after '||'"),
        ("vad ||", "expected a command after '||'"),
        ("vad 'open", "unterminated ' quote"),
        (#"vad "open"#, #"unterminated " quote"#),
        ("vad > out", "'>' is shell syntax a graph does not support (quote it to pass it on)"),
        ("vad; ls", "';' is shell syntax a graph does not support (quote it to pass it on)"),
        ("echo $HOME", "'$' is shell syntax a graph does not support (quote it to pass it on)"),
    ])
    func refusals(_ text: String, _ message: String) {
        #expect(throws: GraphSyntaxError.self) { try GraphDescription(parsing: text) }
        do {
            _ = try GraphDescription(parsing: text)
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func errorsSayWhere() {
        do {
            _ = try GraphDescription(parsing: "vad | x > y")
            Issue.record("no error")
        } catch {
            #expect(error.offset == 8)
            #expect(error.description == "graph, character 9: '>' is shell syntax a graph does not support (quote it to pass it on)")
        }
    }
}
