import Stages
import SwitchboardCore
import Testing

@Suite("sentence-split stage: tokens in, sentences out, turns, interrupts, bad input")
struct SentenceSplitStageTests {
    let stage = SentenceSplit()

    func token(_ text: String, turn: Int? = 1) -> Frame {
        var fields: JSONObject = ["text": .string(text)]
        if let turn { fields["turn"] = .int(turn) }
        return .event(Event("token", fields))
    }

    func event(_ type: String, _ fields: JSONObject = [:]) -> Frame { .event(Event(type, fields)) }

    /// (turn, index, text) of every sentence event.
    func sentences(_ frames: [Frame]) -> [Sentence] {
        frames.compactMap(\.event).filter { $0.type == "sentence" }.map {
            Sentence(turn: $0["turn"]?.int ?? -1, index: $0["index"]?.int ?? -1, text: $0["text"]?.string ?? "")
        }
    }

    struct Sentence: Equatable, CustomStringConvertible {
        let turn: Int, index: Int, text: String
        init(turn: Int, index: Int, text: String) { (self.turn, self.index, self.text) = (turn, index, text) }
        var description: String { "t\(turn).s\(index) \(text.debugDescription)" }
    }

    @Test func tokensBecomeNumberedSentencesBetweenTheTurnsEvents() async throws {
        let tokens = ["Sure", ",", " Dr", ". Rao", " is in", " at 10", ".30", " a.m", ". Sh", "all I", " book", " it?"]
        let out = try await stage.output(for: [event("response.start", ["turn": 1, "text": "hi"])] + tokens.map { token($0) }
            + [event("response.end", ["turn": 1, "reason": "done"])])
        #expect(sentences(out) == [Sentence(turn: 1, index: 0, text: "Sure, Dr. Rao is in at 10.30 a.m."),
                                   Sentence(turn: 1, index: 1, text: "Shall I book it?")])
        let types = out.map(\.type)
        #expect(types == ["response.start", "sentence", "trace", "sentence", "response.end"], "no token is passed on")
        let trace = try #require(out[2].event)
        #expect(trace["name"] == "sentence.first")
        #expect(trace["stage"] == "sentence-split")
        #expect(trace["turn"]?.int == 1)
        #expect((trace["ms"]?.double ?? -1) >= 0)
    }

    @Test func theFirstSentenceGoesOutBeforeTheAnswerEnds() async throws {
        let feed = FrameFeed()
        let sink = CollectingSink()
        let running = Task { try await stage.run(feed, to: sink) }
        feed.send(event("response.start", ["turn": 3]), token("Hello", turn: 3), token(" there.", turn: 3))
        // The period could still be "there.com": nothing may go out yet.
        feed.send(event("marker"))
        #expect(try await sink.wait { $0.last?.type == "marker" })
        #expect(sentences(sink.frames).isEmpty)
        feed.send(token(" How", turn: 3))
        #expect(try await sink.wait { !sentences($0).isEmpty }, "sent once the space settled it, while the answer goes on")
        #expect(sentences(sink.frames) == [Sentence(turn: 3, index: 0, text: "Hello there.")])
        feed.send(token(" are you", turn: 3), event("response.end", ["turn": 3, "reason": "done"]))
        feed.finish()
        try await running.value
        #expect(sentences(sink.frames).map(\.text) == ["Hello there.", "How are you"])
    }

    @Test func interruptDropsBufferedTextAndLaterTokensOfThatTurn() async throws {
        let out = try await stage.output(for: [
            event("response.start", ["turn": 1]), token("Your slot is at ten. "), token("I will also"),
            event("interrupt", ["turn": 1, "ts": 5200]), token(" send a message."),
            event("response.end", ["turn": 1, "reason": "interrupted"]),
            event("response.start", ["turn": 2]), token("OK. ", turn: 2), token("Go on", turn: 2),
            event("response.end", ["turn": 2, "reason": "done"]),
        ])
        #expect(sentences(out) == [Sentence(turn: 1, index: 0, text: "Your slot is at ten."),
                                   Sentence(turn: 2, index: 0, text: "OK."), Sentence(turn: 2, index: 1, text: "Go on")])
        #expect(out.map(\.type).contains("interrupt"), "passed on for tts-cache and mulaw-encode")
    }

    /// An interrupt of turn N drops every turn up to N: here turn 2, still streaming when the
    /// barge-in cancels turn 3, loses its buffered text and the tokens that come after.
    @Test func interruptDropsEveryTurnUpToN() async throws {
        let out = try await stage.output(for: [
            event("response.start", ["turn": 2]), token("Still on two", turn: 2),
            event("response.start", ["turn": 3]), token("Three", turn: 3),
            event("interrupt", ["turn": 3, "ts": 800]), token(" and more. A late sentence.", turn: 2),
            event("response.end", ["turn": 2, "reason": "done"]), event("response.end", ["turn": 3, "reason": "interrupted"]),
            event("response.start", ["turn": 4]), token("Four.", turn: 4), event("response.end", ["turn": 4, "reason": "done"]),
        ])
        #expect(sentences(out) == [Sentence(turn: 4, index: 0, text: "Four.")])
    }

    @Test func anInterruptedEndDropsWhatIsLeftAndAnErrorEndFlushesIt() async throws {
        let out = try await stage.output(for: [
            event("response.start", ["turn": 1]), token("Half a sentence"), event("response.end", ["turn": 1, "reason": "interrupted"]),
            event("response.start", ["turn": 2]), token("Sorry, something", turn: 2), event("response.end", ["turn": 2, "reason": "error"]),
        ])
        #expect(sentences(out) == [Sentence(turn: 2, index: 0, text: "Sorry, something")])
    }

    @Test func plainTextLinesAreSplitInTurnZero() async throws {
        let out = try await stage.output(for: [.event(.text("Hi. How are you?")), .event(.text("Fine")), .event(.text("Dr. Rao."))])
        #expect(sentences(out) == [Sentence(turn: 0, index: 0, text: "Hi."), Sentence(turn: 0, index: 1, text: "How are you?"),
                                   Sentence(turn: 0, index: 2, text: "Fine"), Sentence(turn: 0, index: 3, text: "Dr. Rao.")])
        #expect(out.allSatisfy { $0.type == "sentence" }, "text is consumed")
    }

    @Test func badEventsBecomeErrorsAndTheStreamGoesOn() async throws {
        let out = try await stage.output(for: [
            event("response.start", ["turn": 1]), event("token", ["turn": 1]), event("token", ["turn": "one", "text": "x"]),
            event("text", ["text": 5]), token("Still here."), event("response.end", ["turn": 1, "reason": "done"]),
        ])
        let errors = out.compactMap(\.event).filter { $0.type == "error" }
        #expect(errors.count == 3)
        #expect(errors.allSatisfy { $0["stage"] == "sentence-split" && $0["fatal"] == false })
        #expect(errors[0]["message"]?.string?.contains("\"text\"") == true)
        #expect(errors[1]["message"]?.string?.contains("\"turn\"") == true)
        #expect(sentences(out) == [Sentence(turn: 1, index: 0, text: "Still here.")])
    }

    @Test func everythingElsePassesThroughInOrder() async throws {
        let audio = pcm16Frame([1, 2, 3], rate: 8000, ts: 40)
        let unknown = event("custom.thing", ["a": 1, "nested": ["b": true]])
        let out = try await stage.output(for: [
            event("start", ["call": "CA1"]), audio, event("response.start", ["turn": 1]), token("One. "), unknown,
            token("Two."), event("mark", ["name": "t1.s0"]), event("response.end", ["turn": 1, "reason": "done"]),
        ])
        #expect(out.map(\.type) == ["start", "audio", "response.start", "sentence", "trace", "custom.thing", "mark", "sentence", "response.end"])
        #expect(out[1] == audio)
        #expect(out[5] == unknown)
    }

    @Test func tokensWithoutATurnBelongToTheCurrentAnswer() async throws {
        let out = try await stage.output(for: [event("response.start", ["turn": 7]), token("A b c. ", turn: nil), token("D e f", turn: nil)])
        #expect(sentences(out) == [Sentence(turn: 7, index: 0, text: "A b c."), Sentence(turn: 7, index: 1, text: "D e f")],
                "the end of input flushes")
    }

    @Test func overlappingTurnsKeepTheirOwnText() async throws {
        let out = try await stage.output(for: [
            event("response.start", ["turn": 1]), token("First turn, "), event("response.start", ["turn": 2]),
            token("Second turn. ", turn: 2), token("still first.", turn: 1), event("response.end", ["turn": 2, "reason": "done"]),
            event("response.end", ["turn": 1, "reason": "done"]),
        ])
        #expect(sentences(out) == [Sentence(turn: 2, index: 0, text: "Second turn."), Sentence(turn: 1, index: 0, text: "First turn, still first.")])
    }

    @Test func textAfterTheEndOfATurnNumbersOn() async throws {
        let out = try await stage.output(for: [
            event("response.start", ["turn": 1]), token("One. "), event("response.end", ["turn": 1, "reason": "done"]), token("Two."),
        ])
        #expect(sentences(out) == [Sentence(turn: 1, index: 0, text: "One."), Sentence(turn: 1, index: 1, text: "Two.")],
                "no second t1.s0 mark")
    }

    @Test func stopFlushesPassesOnAndEnds() async throws {
        let out = try await stage.output(for: [
            event("response.start", ["turn": 1]), token("Goodbye"), event("stop", ["reason": "hangup"]), token(" never."),
        ])
        #expect(out.map(\.type) == ["response.start", "sentence", "trace", "stop"])
        #expect(sentences(out).map(\.text) == ["Goodbye"])
    }

    @Test func aNewCallForgetsInterruptedTurns() async throws {
        let out = try await stage.output(for: [
            event("response.start", ["turn": 1]), token("Old"), event("interrupt", ["turn": 1]),
            event("start", ["call": "CA2"]), event("response.start", ["turn": 1]), token("New call. "),
        ])
        #expect(sentences(out) == [Sentence(turn: 1, index: 0, text: "New call.")])
    }

    @Test func settingsReachTheSplitter() async throws {
        let stage = SentenceSplit(settings: .init(minChars: 7, maxChars: 0, firstMinChars: 0))
        let out = try await stage.output(for: [event("response.start", ["turn": 1]), token("Hi. OK. Then more."),
                                               event("response.end", ["turn": 1, "reason": "done"])])
        #expect(sentences(out).map(\.text) == ["Hi. OK.", "Then more."])
    }
}
