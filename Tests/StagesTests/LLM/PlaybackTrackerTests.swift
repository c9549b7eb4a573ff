@testable import Stages
import Testing

@Suite struct PlaybackTrackerTests {
    @Test(arguments: [
        ("Hello there. How are you?", ["Hello there.", "How are you?"]),
        ("Dr. Rao is in. Mr. J. Smith is not!", ["Dr. Rao is in.", "Mr. J. Smith is not!"]),
        ("He said \"stop.\" Then left", ["He said \"stop.\"", "Then left"]),
        ("नमस्ते। आप कैसे हैं?", ["नमस्ते।", "आप कैसे हैं?"]),
        ("Line one\nLine two", ["Line one", "Line two"]),
        ("Pi is 3.14 today.", ["Pi is 3.14 today."]),
        ("It is at 10 a.m. tomorrow, e.g. with the U.S. team.", ["It is at 10 a.m. tomorrow, e.g. with the U.S. team."]),
    ])
    func sentencesAsSentenceSplitCutsThem(text: String, sentences: [String]) {
        var tracker = PlaybackTracker(turn: 1)
        tracker.append(text)
        #expect(tracker.sentences == sentences)
    }

    /// The text arrives in pieces as an engine streams it: cut as it comes, the same sentences.
    @Test func sentencesCutAsTheTextArrives() {
        var tracker = PlaybackTracker(turn: 1)
        for word in WordStreamer.words("Dr. Rao is in. Mr. J. Smith is not! He said \"stop.\" Then left") { tracker.append(word) }
        #expect(tracker.sentences == ["Dr. Rao is in.", "Mr. J. Smith is not!", "He said \"stop.\"", "Then left"])
        tracker.endGeneration()
        #expect(tracker.sentences == ["Dr. Rao is in.", "Mr. J. Smith is not!", "He said \"stop.\"", "Then left"])
    }

    /// `t<N>.end` (sent by mulaw-encode after a turn's last audio) ends playback: everything
    /// counts as heard, whatever sentence marks came back before it.
    @Test func endMarkMeansEverythingWasHeard() {
        var tracker = PlaybackTracker(turn: 4)
        tracker.append("One. Two. Three.")
        tracker.endGeneration()
        let firstSentence = tracker.played(mark: "t4.s0")
        #expect(firstSentence && !tracker.playedEverything)
        #expect(tracker.heardText == "One.")
        let otherTurn = tracker.played(mark: "t3.end")
        #expect(!otherTurn && !tracker.playedEverything, "another turn's end mark")
        let end = tracker.played(mark: "t4.end")
        #expect(end && tracker.playedEverything)
        #expect(tracker.heardText == "One. Two. Three.")
    }

    @Test func marks() {
        #expect(MarkName("t3.s12") == MarkName(turn: 3, sentence: 12))
        #expect(MarkName("t3.end")?.sentence == nil)
        #expect(MarkName("t3.x1") == nil)
        #expect(MarkName("hello") == nil)
        var tracker = PlaybackTracker(turn: 2)
        tracker.append("One. Two. Three.")
        tracker.endGeneration()
        let otherTurn = tracker.played(mark: "t1.s0")
        let second = tracker.played(mark: "t2.s1")
        #expect(!otherTurn && second)
        #expect(tracker.heardText == "One. Two.")
        #expect(!tracker.playedEverything)
        _ = tracker.played(mark: "t2.s2")
        #expect(tracker.playedEverything)
    }

    @Test func historyWindowCountsAGreetingAsAnExchange() {
        var history = ConversationHistory(turns: 2)
        history.append(user: nil, assistant: "Hello.")
        history.append(user: "a", assistant: "A")
        #expect(history.messages.map(\.content) == ["Hello.", "a", "A"])
        history.append(user: "b", assistant: "B")
        #expect(history.messages.map(\.content) == ["a", "A", "b", "B"])
        history.replaceLastAssistant(with: "B (heard)")
        #expect(history.messages.last?.content == "B (heard)")
        var none = ConversationHistory(turns: 0)
        none.append(user: "x", assistant: "y")
        #expect(none.messages.isEmpty)
    }
}

extension MarkName {
    init(turn: Int, sentence: Int?) { self = MarkName("t\(turn)." + (sentence.map { "s\($0)" } ?? "end"))! }
}
