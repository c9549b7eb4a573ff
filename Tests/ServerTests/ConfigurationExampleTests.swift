import Foundation
import Logging
import Runtime
import Server
import StageOptions
import Testing

/// `Examples/switchboard.yaml` runs as is on a machine without API keys: every tenant's graph
/// builds, on the embedded engines, the cloud ones left out.
@Suite struct ConfigurationExampleTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples").standardizedFileURL.path

    /// This process's environment without any API key or Twilio credential.
    static var keyless: [String: String] {
        ProcessInfo.processInfo.environment.filter { !$0.key.hasSuffix("_KEY") && !$0.key.hasPrefix("TWILIO_") }
    }

    static func graphs(environment: [String: String]) throws -> CallGraphs {
        let configuration = try ServeConfigurationLoader.load(contentsOf: examples + "/switchboard.yaml", environment: environment)
        return CallGraphs(configuration: configuration, resources: SharedResources(environment: environment), logger: Logger(label: "test"))
    }

    @Test func theExampleBuildsWithoutKeys() throws {
        let graphs = try Self.graphs(environment: Self.keyless)
        let plans = try graphs.buildAll()
        #expect(plans.map(\.tenant) == [nil, "clinic", "shop"])
        let shared = try #require(plans.first).graph.description
        #expect(shared == "mulaw-decode --rate 8000 | vad | stt-stream --engine pocketsphinx --grammar-from-script \(Self.examples)/receptionist.yaml"
            + " | llm-stream --engine script --script \(Self.examples)/receptionist.yaml --system-file \(Self.examples)/receptionist-prompt.txt"
            + " | sentence-split | tts-cache --engine espeak | mulaw-encode")
        for plan in plans {
            #expect(Set(plan.dropped.map(\.engine)) == ["deepgram", "groq", "elevenlabs"], "\(plan.tenant ?? "*")")
        }
        let shop = try #require(plans.last).graph.description
        #expect(shop.contains("--system 'You answer the telephone for Corner Hardware."))
        #expect(!shop.contains("--system-file"))
        #expect(shop.contains("tts-cache --engine espeak --voice en-gb"))
        #expect(shop.contains("sentence-split --first-min-chars 40"))

        let configuration = graphs.configuration
        #expect(configuration.listen == HostAndPort(host: "127.0.0.1", port: 8080))
        #expect(configuration.recordDirectory == URL(fileURLWithPath: Self.examples).deletingLastPathComponent().path + "/out/calls")
        #expect(configuration.twilio.authToken == nil)
    }

    @Test func withKeysTheCloudEnginesStay() throws {
        var environment = Self.keyless
        for variable in ["DEEPGRAM_API_KEY", "GROQ_API_KEY", "ELEVENLABS_API_KEY"] { environment[variable] = "test-key" }
        let graphs = try Self.graphs(environment: environment)
        let plans = try graphs.buildAll()
        #expect(plans.allSatisfy { $0.dropped.isEmpty })
        #expect(plans[0].graph.description.contains("stt-stream --engine deepgram,pocketsphinx"))
        #expect(plans[2].graph.description.contains("tts-cache --engine elevenlabs:pNInz6obpgDQGcFmaJgB,espeak"))
    }

    /// A tenant whose settings do not build stops the check at that tenant's line.
    @Test func aBadTenantFailsAtItsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-example-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("switchboard.yaml").path
        try """
            graph: llm-stream --engine script --script \(Self.examples)/receptionist.yaml | sentence-split
            tenants:
              good:
                llm: script
              bad:
                script: missing.yaml
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let configuration = try ServeConfigurationLoader.load(contentsOf: file, environment: [:])
        let graphs = CallGraphs(configuration: configuration, resources: SharedResources(environment: [:]), logger: Logger(label: "test"))
        #expect(throws: Never.self) { try graphs.graph(forTenant: "good") }
        #expect {
            try graphs.buildAll()
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("\(file):5: tenant bad: ") && text.contains("missing.yaml")
        }
    }
}
