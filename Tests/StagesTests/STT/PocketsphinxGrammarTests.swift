import Dialogue
import Foundation
import Stages
import Testing

@Suite("Pocketsphinx grammars")
struct PocketsphinxGrammarTests {
    @Test("a malformed grammar is reported as file:line: message", arguments: [
        ("#JSGF V1.0;\ngrammar g;\npublic <a> = yes | no\npublic <b> = maybe;\n", "bad.gram:4: expected ';' at the end of rule <a>, found '='"),
        ("#JSGF V1.0;\ngrammar g;\n\npublic <a> = yes | | no;\n", "bad.gram:4: empty alternative in rule <a>, found '|'"),
        ("#JSGF V1.0;\ngrammar g;\npublic <a> = yes <b>;\n<c> = (one two;\n", "bad.gram:4: expected ')' to close the group, found ';'"),
        ("#JSGF V1.0;\ngrammar g;\npublic <a> = yes\n  | <missing>;\n", "bad.gram:4: rule <missing> is used but not defined"),
        ("grammar g;\npublic <a> = yes;\n", "bad.gram:1: a JSGF grammar starts with '#JSGF V1.0;'"),
        ("#JSGF V1.0;\ngrammar g;\n/* note\n\n<a> = yes;\n", "bad.gram:3: comment not closed with */"),
        ("#JSGF V1.0;\ngrammar g;\n<a> = yes;\n", "bad.gram:3: the grammar has no public rule to recognise with"),
        ("#JSGF V1.0;\ngrammar g;\npublic <a> = yes;\npublic <a> = no;\n", "bad.gram:4: rule <a> already defined on line 3"),
    ])
    func malformed(text: String, message: String) {
        #expect(throws: RecognitionGrammar.SyntaxError.self) { try RecognitionGrammar(jsgf: text, file: "bad.gram") }
        do {
            _ = try RecognitionGrammar(jsgf: text, file: "bad.gram")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("the receptionist script's grammar reads, with its public rules, and every word is in the dictionary")
    func receptionist() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let script = try DialogueScript(contentsOf: root.appendingPathComponent("Examples/receptionist.yaml").path)
        let grammar = try RecognitionGrammar(jsgf: script.jsgfGrammar(), file: "receptionist.gram")
        #expect(grammar.ruleNames.first == "utterance")
        #expect(grammar.words.contains("appointment"))
        try await PocketsphinxTestSupport.pool.check(grammar)
    }

    @Test("words missing from the dictionary are named")
    func missingWords() async throws {
        let grammar = try RecognitionGrammar(jsgf: "#JSGF V1.0;\ngrammar g;\npublic <a> = yes | zorblax | frimbleton please;\n", file: "g.gram")
        await #expect(throws: PocketsphinxError.wordsNotInDictionary(rule: "a", words: ["frimbleton", "zorblax"])) {
            try await PocketsphinxTestSupport.pool.check(grammar)
        }
    }

    @Test("a missing model is named, by the model and by an engine that needs it")
    func missingModel() async throws {
        let model = PocketsphinxModel(folder: "/nonexistent/en-us")
        #expect(throws: PocketsphinxError.modelMissing(path: "/nonexistent/en-us/en-us/mdef")) { try model.checkInstalled() }
        #expect(throws: Never.self) { try PocketsphinxModel.debian.checkInstalled() }
        let pool = PocketsphinxDecoderPool(size: 1, model: model)
        let engine = PocketsphinxEngine(pool: pool, grammar: nil, fallbackSearch: false)
        await #expect(throws: PocketsphinxError.modelMissing(path: "/nonexistent/en-us/en-us/mdef")) {
            _ = try await PocketsphinxTestSupport.recognize(engine, [.init(samples: [Int16](repeating: 0, count: 16000))])
        }
        #expect(pool.decodersCreated == 0 && pool.decodersInUse == 0)
    }
}
