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

    @Test func sumsAddUp() {
        let a = DetectionScore(truth: [0..<100], detected: [0..<100], durationMs: 200)
        let b = DetectionScore(truth: [0..<100], detected: [], durationMs: 200)
        let sum = a + b
        #expect(sum.truePositive == 10 && sum.falseNegative == 10 && sum.missed == 1)
        #expect(abs(sum.f1 - 2.0 / 3) < 1e-9)
    }
}
