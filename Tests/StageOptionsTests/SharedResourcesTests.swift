import Logging
import Resilience
import Stages
import StageOptions
import SwitchboardCore
import Testing

extension OneAtATime {
    /// What a process builds once and every call shares. Each node is parsed once and built
    /// for several calls, as a process serving a graph does.
    @Suite struct SharedResourcesTests {
        let logger = Logger(label: "stage-options-tests")
        let resources = SharedResources(environment: [:])

        func node(_ argv: [String]) async throws -> any StageOptionSet { try #require(try await parsed(argv)) }

        func llm(_ node: any StageOptionSet, resources: SharedResources? = nil) throws -> LLMStream {
            try #require(try node.makeStage(resources: resources ?? self.resources, logger: logger) as? LLMStream)
        }

        /// Two calls with the same engine share its limiter and breaker, so a 429 or an outage
        /// seen by one call holds back every call. Another address is another engine.
        @Test func callsShareAnEnginesLimiterAndBreaker() async throws {
            let node = try await node(["llm-stream", "--engine", "openai", "--base-url", "http://127.0.0.1:9/v1"])
            let first = try #require(try llm(node).configuration.engines.first)
            let second = try #require(try llm(node).configuration.engines.first)
            let firstLimiter = try #require(first.limiter)
            #expect(firstLimiter === second.limiter)
            #expect(first.breaker === second.breaker)
            let elsewhere = try #require(try llm(await self.node(["llm-stream", "--engine", "openai", "--base-url", "http://127.0.0.1:10/v1"]))
                .configuration.engines.first)
            #expect(elsewhere.limiter !== firstLimiter)
            #expect(elsewhere.breaker !== first.breaker)
        }

        /// Sized for a process serving hundreds of calls, with a deadline on waiting for a place.
        @Test func theLimiterIsSizedForTheProcess() async throws {
            let defaults = try #require(try llm(await node(["llm-stream", "--engine", "ollama"])).configuration.engines.first?.limiter)
            #expect(defaults.limit == 32)
            #expect(defaults.maxLimit == 256)
            #expect(defaults.maxWait == .seconds(2))
            let tuned = try await node(["llm-stream", "--engine", "vllm", "--llm-concurrency", "8", "--llm-concurrency-max", "64", "--queue-ms", "500"])
            let limiter = try #require(try llm(tuned).configuration.engines.first?.limiter)
            #expect(limiter.limit == 8)
            #expect(limiter.maxLimit == 64)
            #expect(limiter.maxWait == .milliseconds(500))
        }

        /// A script is parsed once per process: a second stage does not read the file again
        /// (here it has been spoilt since), while another process would.
        @Test func aScriptIsParsedOncePerProcess() async throws {
            let scratch = try Scratch()
            let path = try scratch.write("desk.yaml", "start: desk\nstates:\n  desk: {say: Hello., end: true}\n")
            let node = try await node(["llm-stream", "--script", path])
            _ = try llm(node)
            try scratch.write("desk.yaml", "start: [not a state\n")
            #expect(try llm(node).configuration.engines.map(\.name) == ["script"])
            let elsewhere = stageFailure { try llm(node, resources: SharedResources(environment: [:])) }
            #expect(elsewhere?.status == .config)
        }

        @Test func promptFilesAreReadOncePerProcess() async throws {
            let scratch = try Scratch()
            let prompt = try scratch.write("prompt.txt", "  You are the front desk.\n")
            try scratch.write("acme.txt", "You are Acme's agent.\n")
            try scratch.write("notes.md", "not a prompt")
            let node = try await node(["llm-stream", "--engine", "ollama", "--system-file", prompt, "--tenant-prompts", scratch.directory])
            let first = try llm(node)
            #expect(first.configuration.system == "You are the front desk.")
            #expect(first.configuration.tenantPrompts == ["acme": "You are Acme's agent.", "prompt": "You are the front desk."])
            try scratch.remove("prompt.txt")
            try scratch.remove("acme.txt")
            let second = try llm(node)
            #expect(second.configuration.system == "You are the front desk.")
            #expect(second.configuration.tenantPrompts["acme"] == "You are Acme's agent.")
            let elsewhere = stageFailure { try llm(node, resources: SharedResources(environment: [:])) }
            #expect(elsewhere?.status == .config)
            #expect(elsewhere?.message.hasPrefix("cannot read --system-file \(prompt)") == true, "\(elsewhere?.message ?? "built")")
        }

        @Test func anUnreadableTenantDirectoryIsAConfigurationError() async throws {
            let node = try await node(["llm-stream", "--engine", "ollama", "--tenant-prompts", "/nonexistent/tenants"])
            let failure = stageFailure { try llm(node) }
            #expect(failure?.status == .config)
            #expect(failure?.message.hasPrefix("cannot list --tenant-prompts /nonexistent/tenants") == true)
        }

        /// The abbreviations of a file are read once for the settings that name it.
        @Test func aSentenceLexiconIsBuiltOncePerSettings() async throws {
            let scratch = try Scratch()
            let node = try await node(["sentence-split", "--abbreviations", scratch.write("clinic.abbr", "Approx.\n")])
            _ = try node.makeStage(resources: resources, logger: logger)
            try scratch.remove("clinic.abbr")
            let split = try #require(try node.makeStage(resources: resources, logger: logger) as? SentenceSplit)
            var splitter = SentenceSplitter(settings: split.settings)
            #expect(splitter.append("Approx. Five came. ") + splitter.flush() == ["Approx. Five came."])
            let elsewhere = stageFailure { try node.makeStage(resources: SharedResources(environment: [:]), logger: logger) }
            #expect(elsewhere?.status == .config)
            #expect(elsewhere?.message.hasSuffix("clinic.abbr: no such file") == true)
        }
    }
}
