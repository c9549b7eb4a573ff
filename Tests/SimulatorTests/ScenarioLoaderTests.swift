import Foundation
import Simulator
import Testing

/// Scenario files as a user writes them, read into the model the virtual caller runs.
@Suite struct ScenarioLoaderTests {
    /// A folder with a sound file in it, for `say: {file: …}`; removed by the caller.
    static func folderWithRecording() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/clips", withIntermediateDirectories: true)
        try Data([0x52, 0x49, 0x46, 0x46]).write(to: URL(fileURLWithPath: folder + "/clips/caller.wav"))
        return folder
    }

    @Test func aFullScenarioIsReadIntoTheModel() throws {
        let folder = try Self.folderWithRecording()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let yaml = """
            name: booking with a barge-in
            tenant: clinic
            voice: flite:slt
            noise: {snr_db: 20}
            steps:
              - wait_for_agent: {timeout_s: 12}
              - say: "I need an appointment tomorrow at ten"
              - say: {file: clips/caller.wav}
              - say: {text: "It's Asha"}
              - pause: 0.8
              - barge_in: {after_ms: 600, say: "no wait, make it Friday"}
              - backchannel: {after_ms: 800, say: "mm-hm", timeout_s: 5}
              - dtmf: 1
              - dtmf: "*12#"
              - hang_up: true
            expect:
              - reply_contains: "Friday"
              - ends_with: transfer
              - transfer_to: "+15555550100"
            """
        let scenario = try Scenario(yaml: yaml, file: "call.yaml", directory: folder)
        #expect(scenario.name == "booking with a barge-in")
        #expect(scenario.tenant == "clinic")
        #expect(scenario.voice == ScenarioVoice(engine: .flite, name: "slt"))
        #expect(scenario.noise == ScenarioNoise(snrDecibels: 20))
        #expect(scenario.steps.map(\.action) == [
            .waitForAgent(timeout: 12),
            .say(.text("I need an appointment tomorrow at ten")),
            .say(.file(folder + "/clips/caller.wav")),
            .say(.text("It's Asha")),
            .pause(seconds: 0.8),
            .bargeIn(ScenarioCue(afterMilliseconds: 600, utterance: .text("no wait, make it Friday"))),
            .backchannel(ScenarioCue(afterMilliseconds: 800, utterance: .text("mm-hm"), timeout: 5)),
            .dtmf("1"),
            .dtmf("*12#"),
            .hangUp,
        ])
        #expect(scenario.steps.map(\.line) == Array(6...15))
        #expect(scenario.expectations == [
            ScenarioExpectation(.replyContains("Friday"), line: 17),
            ScenarioExpectation(.endsWith(.transfer), line: 18),
            ScenarioExpectation(.transferTo("+15555550100"), line: 19),
        ])
    }

    @Test func leftOutKeysTakeTheirDefaults() throws {
        let yaml = """
            steps:
              - wait_for_agent: true
              - barge_in: {after_ms: 0, say: hello}
            """
        let scenario = try Scenario(yaml: yaml, file: "/tmp/calls/greeting.scenario.yaml", directory: "/tmp/calls")
        #expect(scenario.name == "greeting")
        #expect(scenario.tenant == nil)
        #expect(scenario.voice == ScenarioVoice(engine: .espeak, name: "en-us"))
        #expect(scenario.noise == nil)
        #expect(scenario.expectations.isEmpty)
        #expect(scenario.steps.map(\.action) == [
            .waitForAgent(timeout: ScenarioCue.defaultTimeout),
            .bargeIn(ScenarioCue(afterMilliseconds: 0, utterance: .text("hello"), timeout: ScenarioCue.defaultTimeout)),
        ])
    }

    @Test func voicesNameTheirSynthesizer() throws {
        func voice(_ written: String) throws -> ScenarioVoice {
            try Scenario(yaml: "voice: \"\(written)\"\nsteps: [pause: 1]", file: "v.yaml", directory: "/").voice
        }
        #expect(try voice("en-us+m3") == ScenarioVoice(engine: .espeak, name: "en-us+m3"))
        #expect(try voice("espeak:en-gb") == ScenarioVoice(engine: .espeak, name: "en-gb"))
        #expect(try voice("flite:kal") == ScenarioVoice(engine: .flite, name: "kal"))
        #expect(try voice("flite:kal").description == "flite:kal")
    }

    @Test func soundFilesAreFoundBesideTheScenarioFile() throws {
        let folder = try Self.folderWithRecording()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/clips/call.scenario.yaml"
        try "steps:\n  - say: {file: caller.wav}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let scenario = try Scenario(contentsOf: path)
        #expect(scenario.name == "call")
        #expect(scenario.steps.map(\.action) == [.say(.file(folder + "/clips/caller.wav"))])
    }

    @Test func theBookingExampleLoads() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scenario = try Scenario(contentsOf: repository.appendingPathComponent("Examples/booking.scenario.yaml").path)
        #expect(scenario.steps.contains { if case .bargeIn = $0.action { true } else { false } })
        #expect(scenario.steps.contains { if case .backchannel = $0.action { true } else { false } })
        #expect(scenario.steps.contains { $0.action == .say(.text("It's Asha")) })
        #expect(scenario.expectations.map(\.check) == [.replyContains("You're booked, Asha"), .endsWith(.hangup)])
    }

    /// The scenarios shown under EXAMPLES in switchboard-scenario(5) are ones the loader accepts.
    @Test func theManPageExamplesLoad() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let page = try String(contentsOfFile: repository.appendingPathComponent("Man/switchboard-scenario.5").path, encoding: .utf8)
        let examples = page.components(separatedBy: ".Sh EXAMPLES").last?.components(separatedBy: ".Sh SEE ALSO").first ?? ""
        let blocks = examples.components(separatedBy: ".Bd -literal\n").dropFirst().map { $0.components(separatedBy: "\n.Ed").first ?? "" }
        #expect(blocks.count == 2)
        let folder = try Self.folderWithRecording()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/recordings", withIntermediateDirectories: true)
        try Data([0x52, 0x49, 0x46, 0x46]).write(to: URL(fileURLWithPath: folder + "/recordings/account-number.wav"))
        for block in blocks {
            let scenario = try Scenario(yaml: block, file: "example.yaml", directory: folder)
            #expect(!scenario.steps.isEmpty && !scenario.expectations.isEmpty)
        }
    }

    @Test func replyContainsIgnoresCaseSpacingAndApostropheStyle() {
        #expect(ScenarioCheck.reply("You\u{2019}re booked,  Asha. We'll see you", contains: "you're BOOKED, asha"))
        #expect(ScenarioCheck.reply("So that is Asha on Friday", contains: "friday"))
        #expect(!ScenarioCheck.reply("So that is Asha on Thursday", contains: "Friday"))
        #expect(!ScenarioCheck.reply("You're booked", contains: "You're booked, Asha"))
    }
}
