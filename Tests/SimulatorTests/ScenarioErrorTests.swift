import Foundation
import Simulator
import Testing

/// A scenario that cannot be run is refused on loading, with the file, line and key the user
/// has to fix, never half-way through a call.
@Suite struct ScenarioErrorTests {
    struct Mistake: Sendable, CustomTestStringConvertible {
        let yaml: String
        let line: Int?
        /// Part of the message that tells the user what is wrong.
        let says: String
        var testDescription: String { says }
    }

    static let mistakes: [Mistake] = [
        Mistake(yaml: "steps:\n  - say: \"unfinished\n", line: 2, says: "YAML syntax error"),
        Mistake(yaml: "steps: [pause: 1]\nsteps: [pause: 2]\n", line: 1, says: "duplicate key \"steps\""),
        Mistake(yaml: "# nothing yet\n", line: nil, says: "the scenario is empty"),
        Mistake(yaml: "- say: hi\n", line: 1, says: "the scenario must be a mapping of keys, not a list"),
        Mistake(yaml: "name: x\nstep:\n  - pause: 1\n", line: 2, says: "unknown key \"step\" in the scenario (expected name, tenant, voice, noise, steps, expect)"),
        Mistake(yaml: "name: x\n", line: 1, says: "the scenario is missing \"steps\""),
        Mistake(yaml: "steps: []\n", line: 1, says: "\"steps\" is empty"),
        Mistake(yaml: "steps:\n  say: hi\n", line: 2, says: "\"steps\" must be a list, not a mapping"),
        Mistake(yaml: "steps:\n  - pause: 1\n  - sya: hi\n", line: 3, says: "unknown key \"sya\" in steps[1]"),
        Mistake(yaml: "steps:\n  - say\n", line: 2, says: "steps[0] must be a mapping with one action"),
        Mistake(yaml: "steps:\n  - say: hi\n    pause: 1\n", line: 2, says: "steps[0] must hold exactly one action, not say, pause"),
        Mistake(yaml: "steps:\n  - say:\n", line: 2, says: "\"steps[0].say\" has no value"),
        Mistake(yaml: "steps:\n  - pause: soon\n", line: 2, says: "\"steps[0].pause\" must be a number of seconds, not \"soon\""),
        Mistake(yaml: "steps:\n  - pause: 900\n", line: 2, says: "\"steps[0].pause\" must be from 0.02 to 600 seconds, not 900"),
        Mistake(yaml: "steps:\n  - barge_in: {say: hi}\n", line: 2, says: "\"steps[0].barge_in\" is missing \"after_ms\""),
        Mistake(yaml: "steps:\n  - backchannel:\n      after_ms: 1.5\n      say: mm-hm\n", line: 3, says: "\"steps[0].backchannel.after_ms\" must be a whole number of milliseconds, not \"1.5\""),
        Mistake(yaml: "steps:\n  - barge_in: {after_ms: 10, sya: hi}\n", line: 2, says: "unknown key \"sya\" in \"steps[0].barge_in\" (expected after_ms, say, timeout_s)"),
        Mistake(yaml: "steps:\n  - say: {text: a, file: b.wav}\n", line: 2, says: "has both \"text\" and \"file\""),
        Mistake(yaml: "steps:\n  - say: {file: missing.wav}\n", line: 2, says: "no such file /calls/missing.wav"),
        Mistake(yaml: "steps:\n  - say: \"  \"\n", line: 2, says: "\"steps[0].say\" must not be empty"),
        Mistake(yaml: "steps:\n  - dtmf: \"12a\"\n", line: 2, says: "must be keypad digits (0-9, *, #), not \"12a\""),
        Mistake(yaml: "steps:\n  - hang_up: false\n", line: 2, says: "\"steps[0].hang_up\" must be true, not \"false\""),
        Mistake(yaml: "steps:\n  - hang_up: true\n  - say: hello?\n", line: 3, says: "\"steps[1]\" comes after hang_up"),
        Mistake(yaml: "steps:\n  - wait_for_agent: {timeout_s: 0}\n", line: 2, says: "must be from 0.1 to 600 seconds, not 0"),
        Mistake(yaml: "voice: festival:kal\nsteps: [pause: 1]\n", line: 1, says: "unknown synthesizer \"festival\" in \"voice\" (expected espeak, flite)"),
        Mistake(yaml: "voice: \"flite:\"\nsteps: [pause: 1]\n", line: 1, says: "names no flite voice"),
        Mistake(yaml: "noise: 20\nsteps: [pause: 1]\n", line: 1, says: "\"noise\" must be a mapping of keys, not a string"),
        Mistake(yaml: "noise: {snr_db: -5}\nsteps: [pause: 1]\n", line: 1, says: "\"noise.snr_db\" must be from 0 to 60 decibels, not -5"),
        Mistake(yaml: "tenant: [a, b]\nsteps: [pause: 1]\n", line: 1, says: "\"tenant\" must be a string, not a list"),
        Mistake(yaml: "steps: [pause: 1]\nexpect:\n  - ends_with: hungup\n", line: 3, says: "must be one of hangup, transfer, caller_hangup, not \"hungup\""),
        Mistake(yaml: "steps: [pause: 1]\nexpect:\n  - reply_contain: x\n", line: 3, says: "unknown key \"reply_contain\" in expect[0] (expected reply_contains, ends_with, transfer_to)"),
        Mistake(yaml: "steps: [pause: 1]\nexpect:\n  - ends_with: hangup\n  - transfer_to: \"+15555550100\"\n", line: 4, says: "expect[1] contradicts the expectation on line 3"),
    ]

    @Test(arguments: mistakes) func eachMistakeIsReportedOnItsLine(_ mistake: Mistake) {
        #expect(throws: ScenarioError.self) { try Scenario(yaml: mistake.yaml, file: "call.yaml", directory: "/calls") }
        do {
            _ = try Scenario(yaml: mistake.yaml, file: "call.yaml", directory: "/calls")
        } catch {
            #expect(error.line == mistake.line, "\(error)")
            #expect(error.message.contains(mistake.says), "\(error)")
            #expect(error.exitStatus == 78)
        }
    }

    @Test func theMessageReadsLikeACompilerDiagnostic() {
        let yaml = "steps:\n  - pause: 1\n  - barge_in: {after_ms: 10, sya: hi}\n"
        #expect {
            try Scenario(yaml: yaml, file: "calls/booking.yaml", directory: "calls")
        } throws: { error in
            "\(error)" == "calls/booking.yaml:3:30: unknown key \"sya\" in \"steps[1].barge_in\" (expected after_ms, say, timeout_s)"
        }
    }

    /// The message switchboard-scenario(5) shows under LOAD ERRORS, from a typo in the example.
    @Test func theDocumentedMessageIsTheOneGiven() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let example = try String(contentsOfFile: repository.appendingPathComponent("Examples/booking.scenario.yaml").path, encoding: .utf8)
        let typo = example.replacingOccurrences(of: "say: \"[[m,h'm]]\"", with: "sya: \"[[m,h'm]]\"")
        #expect(typo != example)
        #expect {
            try Scenario(yaml: typo, file: "booking.scenario.yaml", directory: repository.path)
        } throws: { error in
            "\(error)" == "booking.scenario.yaml:17:35: unknown key \"sya\" in \"steps[3].backchannel\" (expected after_ms, say, timeout_s)"
        }
    }

    @Test func aMissingFileIsUnreadableNotMalformed() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).yaml").path
        do {
            _ = try Scenario(contentsOf: path)
            Issue.record("a missing file loaded")
        } catch {
            #expect(error.isUnreadable)
            #expect(error.exitStatus == 66)
            #expect(error.line == nil)
            #expect(error.description.hasPrefix("\(path): cannot read the scenario"))
        }
    }
}
