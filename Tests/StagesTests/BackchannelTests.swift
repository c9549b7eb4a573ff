import Audio
import Foundation
@testable import Stages
import SwitchboardCore
import Testing

/// A hum over the agent ("mm-hm") must not interrupt it; words must, within 250 ms of their
/// onset. Real espeak-ng speech goes through the real `vad` stage, and its output is judged by
/// llm-stream's `BargeInDetector` the way the conversation loop feeds it (every audio frame's
/// end as media time, every `vad` event), at the default `--barge-in-ms` of 150.
///
/// espeak-ng reads the words "mm-hm", "mhm" and "hmm" as spelt letters or with a vowel
/// ("em-em-aitch-em", "h@m"), which are speech, not hums; the hums here are given as phonemes.
@Suite struct BackchannelTests {
    static let voices = ["en-us", "en-us+m3", "en-us+f3", "en-gb"]
    /// Closed-mouth hums in espeak-ng phonemes: "m-hm", "mm-hm", "mhm".
    static let hums = ["[[m,h'm]]", "[[m'm:]]", "[[m'hm]]"]
    static let bargeIns = ["my name is John", "no, wait", "I need an appointment tomorrow at ten", "hello?", "stop"]
    /// Printed in the table, not asserted: words a caller uses as backchannels, which no sound
    /// tells from the start of a sentence; and a hum that begins with an audible "h" ("[[h'm:]]"),
    /// whose first 60 ms are breath, not a murmur, when the utterance is judged (still a miss).
    static let lexical = ["mm-hm", "hmm", "uh-huh", "yeah", "okay", "[[h'm:]]"]
    static let bargeInMs = 150

    struct Outcome {
        /// Media time from the speech's onset to the interruption, nil when none.
        var interruptAfterMs: Int?
        var vadMs: Int
        var murmur: Bool
    }

    /// `text` said over the agent on a quiet line, a second into the call.
    static func judge(_ text: String, voice: String) async throws -> Outcome {
        let rate = 8000
        let speech = try await SynthesizedSpeech(text, voice: voice, rate: rate)
        let leadMs = 1000
        let body = TestSignal.silence(ms: leadMs, rate: rate) + speech.samples + TestSignal.silence(ms: 1000, rate: rate)
        let samples = TestSignal.mix(body, TestSignal.whiteNoise(body.count, dBFS: -65, seed: 7))
        let per = rate / 50
        let input = stride(from: 0, to: samples.count, by: per).map { start in
            pcm16Frame(Array(samples[start..<min(start + per, samples.count)]), rate: rate, ts: start * 1000 / rate)
        }
        let output = try await VoiceActivityDetector().output(for: input)
        var detector = BargeInDetector(minimumMs: bargeInMs, minimumWords: 3)
        var now = 0, start = 0, vadMs = 0, murmur = false
        for frame in output {
            var verdict = BargeInDetector.Verdict.none
            if let audio = frame.audio {
                now = audio.ts + Int(audio.durationMs)
                verdict = detector.mediaTime(now)
            } else if let event = frame.event, event.type == "vad", let ts = event["ts"]?.int {
                switch event["event"]?.string {
                case "start": start = ts; verdict = detector.vadStart(ts: ts)
                case "murmur": murmur = true; verdict = detector.vadMurmur(ts: ts)
                case "voiced": verdict = detector.vadVoiced(ts: ts)
                case "end": vadMs = max(vadMs, ts - start); verdict = detector.vadEnd(ts: ts)
                default: break
                }
            }
            if case .interrupt = verdict {
                return Outcome(interruptAfterMs: now - (leadMs + speech.onsetMs), vadMs: vadMs, murmur: murmur)
            }
        }
        return Outcome(interruptAfterMs: nil, vadMs: vadMs, murmur: murmur)
    }

    static func row(_ text: String, _ voice: String, _ outcome: Outcome) -> String {
        let decision = outcome.interruptAfterMs.map { "interrupt at onset+\($0) ms" } ?? "passes (backchannel)"
        let vad = outcome.vadMs > 0 ? "\(outcome.vadMs) ms" : "—"
        return "\(text.padding(toLength: 38, withPad: " ", startingAt: 0)) \(voice.padding(toLength: 9, withPad: " ", startingAt: 0)) "
            + "murmur=\(outcome.murmur ? "yes" : "no ") vad=\(vad.padding(toLength: 7, withPad: " ", startingAt: 0)) \(decision)"
    }

    @Test(arguments: voices)
    func humsPassAndWordsInterruptWithin250ms(voice: String) async throws {
        for hum in Self.hums {
            let outcome = try await Self.judge(hum, voice: voice)
            print(Self.row(hum, voice, outcome))
            #expect(outcome.interruptAfterMs == nil, "\(hum) (\(voice)) interrupted: \(outcome)")
        }
        for sentence in Self.bargeIns {
            let outcome = try await Self.judge(sentence, voice: voice)
            print(Self.row(sentence, voice, outcome))
            let after = try #require(outcome.interruptAfterMs, "\(sentence) (\(voice)) did not interrupt")
            #expect(after <= 250, "\(sentence) (\(voice)) interrupted \(after) ms after its onset")
        }
        for word in Self.lexical { print(Self.row(word, voice, try await Self.judge(word, voice: voice))) }
    }

    /// A hum that goes on is someone wanting the floor.
    @Test func aLongMurmurStillInterrupts() {
        var detector = BargeInDetector(minimumMs: 200, minimumWords: 3)
        #expect(detector.vadStart(ts: 1000) == .armTimer)
        #expect(detector.vadMurmur(ts: 1000) == .none)
        #expect(detector.mediaTime(1500) == .none)
        #expect(detector.timerFired() == .none, "the wall clock does not decide a hum")
        #expect(detector.mediaTime(1999) == .none)
        #expect(detector.mediaTime(2000) == .interrupt(ts: 1000))
    }

    /// A hum that turns into words after `--barge-in-ms` interrupts at once; before, when the
    /// speech has lasted `--barge-in-ms`. A hum that ends is forgotten.
    @Test func wordsAfterAHumInterrupt() {
        var late = BargeInDetector(minimumMs: 200, minimumWords: 3)
        _ = late.vadStart(ts: 1000)
        _ = late.vadMurmur(ts: 1000)
        #expect(late.mediaTime(1400) == .none)
        #expect(late.vadVoiced(ts: 1380) == .interrupt(ts: 1000))

        var early = BargeInDetector(minimumMs: 200, minimumWords: 3)
        _ = early.vadStart(ts: 1000)
        _ = early.vadMurmur(ts: 1000)
        #expect(early.vadVoiced(ts: 1080) == .none)
        #expect(early.mediaTime(1199) == .none)
        #expect(early.mediaTime(1200) == .interrupt(ts: 1000))

        var hum = BargeInDetector(minimumMs: 200, minimumWords: 3)
        _ = hum.vadStart(ts: 1000)
        _ = hum.vadMurmur(ts: 1000)
        #expect(hum.vadEnd(ts: 1600) == .none)
        #expect(hum.mediaTime(3000) == .none, "forgotten once it ended")
    }
}
