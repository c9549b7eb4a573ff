import Foundation
import Logging
import Runtime
import Server
import StageOptions
import Testing

/// A tenant's settings put into the graph: appended to its tools' nodes so that they win,
/// conveniences set in place, options that exclude one another replaced.
@Suite struct ConfigurationTenantTests {
    static let sharedGraph = "mulaw-decode | stt-stream --engine pocketsphinx --grammar-from-script /c/shared.yaml"
        + " | llm-stream --engine script --script /c/shared.yaml --system-file /c/prompt.txt | sentence-split | tts-cache --voice en-us | mulaw-encode"

    static func plans(_ tenants: String) throws -> CallGraphs {
        let configuration = try ServeConfigurationLoader.load(yaml: "graph: \(sharedGraph)\ntenants:\n" + tenants,
            file: "serve.yaml", directory: "/c", environment: [:])
        return CallGraphs(configuration: configuration, resources: SharedResources(environment: [:]), logger: Logger(label: "test"))
    }

    @Test func conveniencesAreSetWhereTheGraphHasThem() throws {
        let graphs = try Self.plans("""
              clinic:
                script: clinic.yaml
                prompt: Be brief.
                voice: en-gb
                stt: pocketsphinx
            """)
        let plan = try graphs.plan(forTenant: "clinic")
        #expect(plan.tenant == "clinic")
        // The script moves the recognizer's grammar with it; --system takes --system-file's place.
        #expect(plan.graph.description == "mulaw-decode | stt-stream --engine pocketsphinx --grammar-from-script /c/clinic.yaml"
            + " | llm-stream --engine script --script /c/clinic.yaml --system 'Be brief.' | sentence-split | tts-cache --voice en-gb | mulaw-encode")
    }

    @Test func optionsAreAppendedToEveryNodeOfTheirTool() throws {
        let graph = try GraphDescription(parsing: "tts-cache --rate 150 || tts-cache --engine espeak | vad")
        let applied = TenantArgumentsProbe.apply(["tts-cache": ["--rate", "200", "--engine", "espeak:en-gb"]], to: graph)
        #expect(applied.description == "tts-cache --rate 150 --rate 200 --engine espeak:en-gb || tts-cache --engine espeak:en-gb --rate 200 | vad")
    }

    @Test func rawOptionsComeAfterTheConveniencesAndWin() throws {
        let graphs = try Self.plans("""
              shop:
                voice: en-gb
                options:
                  tts-cache: --voice en-gb-x-rp --rate 190
                  llm-stream: [--greeting, "Corner Hardware, hello!"]
            """)
        let plan = try graphs.plan(forTenant: "shop")
        #expect(plan.graph.description.contains("tts-cache --voice en-gb-x-rp --rate 190"))
        #expect(plan.graph.description.contains("--greeting 'Corner Hardware, hello!'"))
    }

    @Test func aTenantMayHaveAGraphOfItsOwn() throws {
        let graphs = try Self.plans("""
              echo:
                graph: mulaw-decode | mulaw-encode --frame-ms 40
            """)
        #expect(try graphs.plan(forTenant: "echo").graph.description == "mulaw-decode | mulaw-encode --frame-ms 40")
    }

    @Test func anUnknownOrMissingTenantRunsTheSharedGraph() throws {
        let graphs = try Self.plans("  clinic:\n    voice: en-gb\n")
        let shared = try graphs.plan(forTenant: nil)
        #expect(shared.tenant == nil)
        #expect(shared.graph.description == Self.sharedGraph)
        #expect(try graphs.plan(forTenant: "nobody") == shared)
        #expect(graphs.tenants == [nil, "clinic"])
    }

    /// The argument parser keeps an option's last value: what makes appending an override.
    @Test func theLastValueOfAnOptionWins() throws {
        let graphs = try Self.plans("""
              quick:
                graph: sentence-split | tts-cache --cache off
                options:
                  tts-cache: --rate 9999 --rate 200
              slow:
                graph: sentence-split | tts-cache --cache off
                options:
                  tts-cache: --rate 200 --rate 9999
            """)
        #expect(throws: Never.self) { try graphs.graph(forTenant: "quick") }
        #expect {
            try graphs.graph(forTenant: "slow")
        } throws: { error in
            "\(error)".hasPrefix("serve.yaml:7: tenant slow: tts-cache: ") && "\(error)".contains("--rate must be from 80 to 450")
        }
    }
}

extension ConfigurationTenantTests {
    /// An unknown tenant is warned about once per name; a left-out engine once per process,
    /// however many tenants' graphs lose it.
    @Test func warningsComeOnce() throws {
        let configuration = try ServeConfigurationLoader.load(yaml: """
            graph: sentence-split | tts-cache --cache off --engine elevenlabs,espeak
            tenants:
              a: {voice: en-gb}
              b: {voice: en-us}
            """, file: "serve.yaml", directory: "/c", environment: [:])
        let logs = ObservedLogs()
        let graphs = CallGraphs(configuration: configuration, resources: SharedResources(environment: [:]), logger: logs.logger())
        try graphs.buildAll()
        for _ in 0..<3 {
            _ = try graphs.graph(forTenant: "stranger")
            _ = try graphs.graph(forTenant: "a")
        }
        #expect(logs.lines.map(\.message) == [
            "tts-cache: engine elevenlabs left out (no API key in $ELEVENLABS_API_KEY)",
            "unknown tenant \"stranger\": its calls run the shared graph",
        ])
    }
}

/// `TenantArguments` is internal; its effect is observed through a configuration.
enum TenantArgumentsProbe {
    static func apply(_ options: [String: [String]], to graph: GraphDescription) -> GraphDescription {
        var configuration = ServeConfiguration(graph: graph.description)
        configuration.tenants["t"] = TenantOverrides(options: options)
        let graphs = CallGraphs(configuration: configuration, resources: SharedResources(environment: [:]), logger: Logger(label: "test"))
        return (try? graphs.plan(forTenant: "t").graph) ?? graph
    }
}
