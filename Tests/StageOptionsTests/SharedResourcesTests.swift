import Logging
import Resilience
import Stages
import StageOptions
import SwitchboardCore
import Testing

/// What a process builds once and every call shares.
@Suite struct SharedResourcesTests {
    let logger = Logger(label: "stage-options-tests")
    let resources = SharedResources(environment: [:])

    func stage(_ argv: [String], resources: SharedResources? = nil) throws -> any Stage {
        let options = try #require(try StageCatalog.parse(argv))
        return try options.makeStage(resources: resources ?? self.resources, logger: logger)
    }

    func llm(_ argv: [String]) throws -> LLMStream { try #require(try stage(["llm-stream"] + argv) as? LLMStream) }

    /// Two calls with the same engine share its limiter and breaker, so a 429 or an outage seen
    /// by one call holds back every call. Another address is another engine.
    @Test func callsShareAnEnginesLimiterAndBreaker() throws {
        let argv = ["--engine", "openai", "--base-url", "http://127.0.0.1:9/v1"]
        let first = try #require(try llm(argv).configuration.engines.first)
        let second = try #require(try llm(argv + ["--temperature", "0.2"]).configuration.engines.first)
        let firstLimiter = try #require(first.limiter)
        #expect(firstLimiter === second.limiter)
        #expect(first.breaker === second.breaker)
        let elsewhere = try #require(try llm(["--engine", "openai", "--base-url", "http://127.0.0.1:10/v1"]).configuration.engines.first)
        #expect(elsewhere.limiter !== firstLimiter)
        #expect(elsewhere.breaker !== first.breaker)
    }

    /// Sized for a process serving hundreds of calls, with a deadline on waiting for a place.
    @Test func theLimiterIsSizedForTheProcess() throws {
        let defaults = try #require(try llm(["--engine", "ollama"]).configuration.engines.first?.limiter)
        #expect(defaults.limit == 32)
        #expect(defaults.maxLimit == 256)
        #expect(defaults.maxWait == .seconds(2))
        let tuned = try #require(try stage(["llm-stream", "--engine", "vllm", "--llm-concurrency", "8", "--llm-concurrency-max", "64",
                                            "--queue-ms", "500"], resources: SharedResources(environment: [:])) as? LLMStream)
        let limiter = try #require(tuned.configuration.engines.first?.limiter)
        #expect(limiter.limit == 8)
        #expect(limiter.maxLimit == 64)
        #expect(limiter.maxWait == .milliseconds(500))
    }

    /// A script is parsed once per process: a second stage does not read the file again (here
    /// it has been spoilt since), while another process would.
    @Test func aScriptIsParsedOncePerProcess() throws {
        let scratch = try Scratch()
        let path = try scratch.write("desk.yaml", "start: desk\nstates:\n  desk: {say: Hello., end: true}\n")
        let argv = ["--script", path]
        _ = try llm(argv)
        try scratch.write("desk.yaml", "start: [not a state\n")
        #expect(try llm(argv).configuration.engines.map(\.name) == ["script"])
        let elsewhere = stageFailure { try stage(["llm-stream"] + argv, resources: SharedResources(environment: [:])) }
        #expect(elsewhere?.status == .config)
    }

    @Test func promptFilesAreReadOncePerProcess() throws {
        let scratch = try Scratch()
        let prompt = try scratch.write("prompt.txt", "  You are the front desk.\n")
        try scratch.write("acme.txt", "You are Acme's agent.\n")
        try scratch.write("notes.md", "not a prompt")
        let argv = ["--engine", "ollama", "--system-file", prompt, "--tenant-prompts", scratch.directory]
        let first = try llm(argv)
        #expect(first.configuration.system == "You are the front desk.")
        #expect(first.configuration.tenantPrompts == ["acme": "You are Acme's agent.", "prompt": "You are the front desk."])
        try scratch.remove("prompt.txt")
        try scratch.remove("acme.txt")
        let second = try llm(argv)
        #expect(second.configuration.system == "You are the front desk.")
        #expect(second.configuration.tenantPrompts["acme"] == "You are Acme's agent.")
    }

    @Test func unreadablePromptsAreConfigurationErrors() throws {
        let noFile = stageFailure { try llm(["--engine", "ollama", "--system-file", "/nonexistent/prompt.txt"]) }
        #expect(noFile?.status == .config)
        #expect(noFile?.message.hasPrefix("cannot read --system-file /nonexistent/prompt.txt") == true)
        let noDirectory = stageFailure { try llm(["--engine", "ollama", "--tenant-prompts", "/nonexistent/tenants"]) }
        #expect(noDirectory?.status == .config)
        #expect(noDirectory?.message.hasPrefix("cannot list --tenant-prompts /nonexistent/tenants") == true)
    }

    /// The abbreviations of a file are read once for the settings that name it.
    @Test func aSentenceLexiconIsBuiltOncePerSettings() throws {
        let scratch = try Scratch()
        let abbreviations = try scratch.write("clinic.abbr", "Approx.\n")
        let argv = ["sentence-split", "--abbreviations", abbreviations]
        _ = try stage(argv)
        try scratch.remove("clinic.abbr")
        let split = try #require(try stage(argv) as? SentenceSplit)
        var splitter = SentenceSplitter(settings: split.settings)
        #expect(splitter.append("Approx. Five came. ") + splitter.flush() == ["Approx. Five came."])
        let bad = stageFailure { try stage(argv, resources: SharedResources(environment: [:])) }
        #expect(bad?.status == .config)
        #expect(bad?.message.hasSuffix("clinic.abbr: no such file") == true)
    }
}
