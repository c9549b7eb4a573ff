import Testing
@testable import Stages

@Suite struct EndpointerTests {
    /// Runs decisions given as a string of 10 ms frames ('1' speech) and returns the transitions.
    func run(_ pattern: String, _ settings: Endpointer.Settings = .init(preRollMs: 0)) -> [Endpointer.Transition] {
        var endpointer = Endpointer(settings)
        var out: [Endpointer.Transition] = []
        for (i, c) in pattern.enumerated() {
            if let t = endpointer.push(isSpeech: c == "1", at: Double(i * 10), durationMs: 10) { out.append(t) }
        }
        if let t = endpointer.finish() { out.append(t) }
        return out
    }

    @Test func startIsStampedAtTheOnsetAndEndWhereSpeechStopped() {
        // 100 ms silence, 300 ms speech, 400 ms silence.
        let frames = String(repeating: "0", count: 10) + String(repeating: "1", count: 30) + String(repeating: "0", count: 40)
        #expect(run(frames) == [.start(ts: 100), .end(ts: 400)])
    }

    @Test func burstsShorterThanMinSpeechAreIgnored() {
        // A 30 ms click and a 50 ms cough, apart: neither reaches 60 ms.
        let frames = "0000" + "111" + "000000" + "11111" + "0000000000"
        #expect(run(frames).isEmpty)
    }

    @Test func shortGapsInsideAnOnsetDoNotRestartIt() {
        // 40 ms, a 20 ms dip, 30 ms: 70 ms of speech within the onset gap allowance.
        #expect(run("00" + "1111" + "00" + "111" + "0000000000000000000000000000") == [.start(ts: 20), .end(ts: 110)])
        // A 30 ms dip restarts the count (the onset gap is 30 ms).
        #expect(run("00" + "1111" + "000" + "11" + "0000000000000000000000000000").isEmpty)
    }

    @Test func pausesShorterThanSilenceMsKeepTheUtteranceOpen() {
        let pause = String(repeating: "0", count: 24)  // 240 ms < 250 ms
        let frames = "11111111" + pause + "11111111" + String(repeating: "0", count: 30)
        #expect(run(frames) == [.start(ts: 0), .end(ts: 400)])
        let longPause = String(repeating: "0", count: 25)  // 250 ms
        #expect(run("11111111" + longPause + "11111111" + String(repeating: "0", count: 30))
            == [.start(ts: 0), .end(ts: 80), .start(ts: 330), .end(ts: 410)])
    }

    @Test func preRollReachesBackButNotIntoThePreviousUtterance() {
        let settings = Endpointer.Settings(minSpeechMs: 60, silenceMs: 100, preRollMs: 200)
        let frames = String(repeating: "0", count: 50) + "1111111" + String(repeating: "0", count: 11) + "1111111" + "000000000000"
        #expect(run(frames, settings) == [.start(ts: 300), .end(ts: 570), .start(ts: 570), .end(ts: 750)])
    }

    @Test func finishClosesAnOpenUtterance() {
        #expect(run("0000011111111111") == [.start(ts: 50), .end(ts: 160)])
    }

    /// Like `run`, with 'm' for a frame that might be speech (the detector's edge threshold).
    func runWithEdges(_ pattern: String, _ settings: Endpointer.Settings) -> [Endpointer.Transition] {
        var endpointer = Endpointer(settings)
        var out: [Endpointer.Transition] = []
        for (i, c) in pattern.enumerated() {
            if let t = endpointer.push(isSpeech: c == "1", at: Double(i * 10), durationMs: 10, mayBeSpeech: c == "m") { out.append(t) }
        }
        if let t = endpointer.finish() { out.append(t) }
        return out
    }

    @Test func edgesWidenOverMightBeSpeechButNeverStartOne() {
        let settings = Endpointer.Settings(silenceMs: 100, preRollMs: 0, edgeMs: 50)
        // A fade-in of 30 ms and a fade-out of 40 ms around 100 ms of speech: both kept, and
        // the end still comes a full 100 ms of silence after the fade-out.
        let faded = "0000" + "mmm" + String(repeating: "1", count: 10) + "mmmm" + String(repeating: "0", count: 15)
        #expect(runWithEdges(faded, settings) == [.start(ts: 40), .end(ts: 210)])
        // Longer runs count only up to edgeMs; a broken run only from its last piece.
        let long = "mmmmmmmm" + String(repeating: "1", count: 10) + "mmmmmmmm" + String(repeating: "0", count: 15)
        #expect(runWithEdges(long, settings) == [.start(ts: 30), .end(ts: 230)])
        #expect(runWithEdges("mm0m" + String(repeating: "1", count: 10) + String(repeating: "0", count: 15), settings)
            == [.start(ts: 30), .end(ts: 140)])
        // Might-be-speech alone is never an utterance.
        #expect(runWithEdges(String(repeating: "m", count: 50), settings).isEmpty)
    }
}

@Suite struct DetectionScoreTests {
    @Test func frameCountsAndBoundaryErrors() {
        // Truth: 1000–2000 and 5000–6000 of 10 s. Detected: 1100–2050 and a false 8000–8200.
        let score = DetectionScore(truth: [1000..<2000, 5000..<6000], detected: [1100..<2050, 8000..<8200], durationMs: 10_000)
        #expect(score.truePositive == 90)     // 1100–2000
        #expect(score.falseNegative == 110)   // 1000–1100 and 5000–6000
        #expect(score.falsePositive == 25)    // 2000–2050 and 8000–8200
        #expect(abs(score.precision - 90.0 / 115) < 1e-9)
        #expect(abs(score.recall - 90.0 / 200) < 1e-9)
        #expect(score.meanOnsetErrorMs == 100)
        #expect(score.meanOffsetErrorMs == 50)
        #expect(score.missed == 1)
        #expect(score.falseStarts == 1)
        #expect(score.nonSpeechMs == 8000)
        #expect(abs(score.falseStartsPerMinute - 7.5) < 1e-9)
    }

    @Test func boundariesFartherThanASecondAreNotMatched() {
        // One detection spans both utterances: the second onset and first offset have no
        // detected boundary within a second.
        let score = DetectionScore(truth: [1000..<2000, 3500..<4000], detected: [1000..<4000], durationMs: 5000)
        #expect(score.missed == 0)
        #expect(score.meanOnsetErrorMs == 0)    // only the first onset matched, exactly
        #expect(score.meanOffsetErrorMs == 0)   // only the second offset matched, exactly
    }

    @Test func edgesAreTheStartsAndEndsOfUtterances() {
        // Two utterances, the first in two parts 200 ms apart (one utterance: under 300 ms).
        // Detected 100 ms late on the first, 20 ms early on the second, and cut 50 ms short.
        let truth = [1000..<1500, 1700..<2000, 4000..<5000]
        let score = DetectionScore(truth: truth, detected: [1100..<1950, 3980..<5000], durationMs: 6000)
        #expect(score.edges.onsetErrorsMs == [100, -20])   // 1700 is no utterance's onset
        #expect(score.edges.onsetEdgeFrames == 40 && score.edges.onsetEdgeMissed == 10)
        #expect(score.edges.offsetEdgeFrames == 40 && score.edges.offsetEdgeMissed == 5)
        #expect(score.edges.onsetErrorPercentileMs(0.5) == -20)
        #expect(score.edges.onsetErrorPercentileMs(0.9) == 100)
        #expect(score.edges.meanOnsetErrorMs == 40)
    }

    @Test func sumsAddUp() {
        let a = DetectionScore(truth: [0..<100], detected: [0..<100], durationMs: 200)
        let b = DetectionScore(truth: [0..<100], detected: [], durationMs: 200)
        let sum = a + b
        #expect(sum.truePositive == 10 && sum.falseNegative == 10 && sum.missed == 1)
        #expect(abs(sum.f1 - 2.0 / 3) < 1e-9)
    }
}
