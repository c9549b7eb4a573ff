import Foundation
import Server
import Testing

/// The configuration file as a person writes it: every key read, every mistake reported at its
/// line, naming the key.
@Suite struct ConfigurationLoaderTests {
    static func load(_ yaml: String, environment: [String: String] = [:]) throws(ServeConfigurationError) -> ServeConfiguration {
        try ServeConfigurationLoader.load(yaml: yaml, file: "serve.yaml", directory: "/etc/agent", environment: environment)
    }

    /// The error `yaml` gives.
    static func failure(_ yaml: String) -> ServeConfigurationError? {
        do {
            _ = try load(yaml)
            return nil
        } catch {
            return error
        }
    }

    @Test func everyKeyIsRead() throws {
        let configuration = try Self.load("""
            listen: 0.0.0.0:9000
            public_url: https://agent.example.com/
            graph: mulaw-decode | llm-stream --script s.yaml | tts-cache | mulaw-encode
            tenants:
              clinic:
                script: clinic.yaml
                voice: en-us+f3
            parameters:
              line: main
            twilio:
              account_sid: AC123
              auth_token: secret
              api_base_url: http://127.0.0.1:8090/
              status_callback: false
            limits:
              max_calls: 50
              drain_s: 12.5
              idle_prompt_s: 6
              idle_hangup_s: never
              idle_prompt: Hello?
              mark_grace_s: 1
              stall_ms: 800
              start_timeout_s: 3
            record_dir: calls
            trace_dir: /var/log/traces
            transfer_to: "+15555550100"
            """)
        #expect(configuration.listen == HostAndPort(host: "0.0.0.0", port: 9000))
        #expect(configuration.publicURL == "https://agent.example.com")
        // Paths of the built-in tools are relative to the file's folder.
        #expect(configuration.graph == "mulaw-decode | llm-stream --script /etc/agent/s.yaml | tts-cache | mulaw-encode")
        #expect(configuration.graphLine == 3)
        #expect(configuration.tenants["clinic"]?.options == [
            "llm-stream": ["--script", "/etc/agent/clinic.yaml"], "tts-cache": ["--voice", "en-us+f3"],
        ])
        #expect(configuration.tenants["clinic"]?.line == 5)
        #expect(configuration.streamParameters == ["line": "main"])
        #expect(configuration.twilio.accountSID == "AC123")
        #expect(configuration.twilio.authToken == "secret")
        #expect(configuration.twilio.apiBaseURL == "http://127.0.0.1:8090")
        #expect(configuration.twilio.statusCallback == false)
        let limits = configuration.limits
        #expect(limits.maxCalls == 50 && limits.drainSeconds == 12.5 && limits.idlePromptSeconds == 6 && limits.idleHangupSeconds == nil)
        #expect(limits.idlePrompt == "Hello?" && limits.markGraceSeconds == 1 && limits.stallMs == 800 && limits.startTimeoutSeconds == 3)
        #expect(configuration.recordDirectory == "/etc/agent/calls")
        #expect(configuration.traceDirectory == "/var/log/traces")
        #expect(configuration.transferTo == "+15555550100")
    }

    @Test func aGraphAloneIsEnoughAndTheRestHasDefaults() throws {
        let configuration = try Self.load("graph: vad")
        #expect(configuration.graph == "vad")
        #expect(configuration.listen == HostAndPort(host: "127.0.0.1", port: 8080))
        #expect(configuration.tenants.isEmpty && configuration.recordDirectory == nil)
        #expect(configuration.limits == CallLimits())
    }

    @Test func theEnvironmentFillsWhatTheFileLeavesOut() throws {
        let environment = ["TWILIO_ACCOUNT_SID": "ACenv", "TWILIO_AUTH_TOKEN": "token-from-env"]
        let fromEnvironment = try Self.load("graph: vad", environment: environment)
        #expect(fromEnvironment.twilio.accountSID == "ACenv")
        #expect(fromEnvironment.twilio.authToken == "token-from-env")

        let fileWins = try Self.load("graph: vad\ntwilio:\n  auth_token: from-file\n", environment: environment)
        #expect(fileWins.twilio.authToken == "from-file")
        #expect(fileWins.twilio.accountSID == "ACenv")

        let emptyIsUnset = try Self.load("graph: vad", environment: ["TWILIO_AUTH_TOKEN": ""])
        #expect(emptyIsUnset.twilio.authToken == nil)
    }

    /// Each kind of mistake, at its line, naming its key.
    @Test(arguments: [
        ("graph: vad\nlimit:\n  max_calls: 3\n", 2, #"unknown key "limit" in the configuration"#),
        ("graph: vad\nlimits:\n  max_call: 3\n", 3, #"unknown key "max_call" in limits"#),
        ("graph: vad\nlimits:\n  max_calls: many\n", 3, #""limits.max_calls" must be a whole number, not "many""#),
        ("graph: vad\nlimits:\n  max_calls: 0\n", 3, #""limits.max_calls" must be from 1 to 100000, not 0"#),
        ("graph: vad\nlimits:\n  drain_s: [1]\n", 3, #""limits.drain_s" must be a number"#),
        ("graph: vad\nlimits:\n  idle_prompt_s: 10\n  idle_hangup_s: 5\n", 4, #""limits.idle_hangup_s" (5.0) must be longer"#),
        ("graph: vad\nlisten: 8080\n", 2, #""listen" must be HOST:PORT"#),
        ("graph: vad\nlisten: localhost:99999\n", 2, #""listen" must be HOST:PORT"#),
        ("graph: vad\npublic_url: agent.example.com\n", 2, #""public_url" must be an http(s) URL"#),
        ("listen: 127.0.0.1:8080\n\ngraph: vad | > x\n", 3, #""graph": graph, character 7: '>' is shell syntax"#),
        ("graph:\n  vad: 1\n", 2, #""graph" must be a string, not a mapping"#),
        ("listen: 127.0.0.1:1\n", 1, #"the configuration is missing "graph""#),
        ("graph: vad\ntwilio:\n  status_callback: maybe\n", 3, #""twilio.status_callback" must be true or false"#),
        ("graph: vad\ntwilio: yes\n", 2, "twilio must be a mapping of keys"),
        ("graph: vad\ntransfer_to: reception\n", 2, #""transfer_to" must be a phone number"#),
        ("graph: vad\ntenants:\n  clinic:\n    voice: en-gb\n", 4, #""tenants.clinic.voice" sets tts-cache --voice, but the graph runs no tts-cache"#),
        ("graph: vad\ntenants:\n  clinic:\n    voices: en-gb\n", 4, #"unknown key "voices" in tenant "clinic""#),
        ("graph: vad\ntenants:\n  clinic:\n    options:\n      tts-cache: --rate 200\n", 5, #"options for "tts-cache", which the graph does not run (it runs vad)"#),
        ("graph: llm-stream\ntenants:\n  clinic:\n    prompt: hi\n    prompt_file: p.txt\n", 4, #"give "prompt" or "prompt_file", not both"#),
        ("graph: vad\ntenants:\n  'a b':\n    graph: vad\n", 3, #"tenant name "a b" must be letters"#),
        ("graph: vad\ntenants:\n  clinic:\n    graph: vad ||\n", 4, #""tenants.clinic.graph": graph, character 5: expected a command after '||'"#),
        ("graph: vad\ngraph: vad\n", 1, #"duplicate key "graph""#),
        ("graph: 'vad\n", 1, "YAML syntax error"),
    ] as [(String, Int, String)])
    func aMistakeIsReportedAtItsLine(yaml: String, line: Int, message: String) throws {
        let error = try #require(Self.failure(yaml), "no error for:\n\(yaml)")
        #expect(error.line == line, "\(error)")
        #expect(error.message.contains(message), "\(error)")
        #expect(error.description.hasPrefix("serve.yaml:\(line):"), "\(error)")
        #expect(!error.isUnreadable)
    }

    @Test func anEmptyFileSaysSo() {
        #expect(Self.failure("")?.description == "serve.yaml: the configuration is empty (it needs at least a graph)")
        #expect(Self.failure("# only a comment\n")?.line == nil)
    }

    @Test func aFileThatCannotBeReadIsUnreadable() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID()).yaml").path
        #expect(throws: ServeConfigurationError.self) { try ServeConfigurationLoader.load(contentsOf: path, environment: [:]) }
        do {
            _ = try ServeConfigurationLoader.load(contentsOf: path, environment: [:])
        } catch {
            #expect(error.isUnreadable)
            #expect(error.description.hasPrefix(path + ": cannot read the file"))
        }
    }

    @Test func relativePathsAreTheFilesFolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-config-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("switchboard.yaml")
        try """
            graph: mulaw-decode -i ../in.wav | stt-stream --grammar g.jsgf | llm-stream | tts-cache --lexicon=words.tsv --cache-dir /var/tts | python3 gain.py
            record_dir: ./calls
            tenants:
              shop:
                prompt_file: prompts/shop.txt
                options:
                  tts-cache: --lexicon shop.tsv
            """.write(to: file, atomically: true, encoding: .utf8)
        let configuration = try ServeConfigurationLoader.load(contentsOf: file.path, environment: [:])
        let base = folder.standardizedFileURL.path
        let parent = folder.deletingLastPathComponent().standardizedFileURL.path
        #expect(configuration.graph == "mulaw-decode -i \(parent)/in.wav | stt-stream --grammar \(base)/g.jsgf | llm-stream"
            + " | tts-cache --lexicon=\(base)/words.tsv --cache-dir /var/tts | python3 gain.py")
        #expect(configuration.recordDirectory == base + "/calls")
        #expect(configuration.tenants["shop"]?.options["llm-stream"] == ["--system-file", base + "/prompts/shop.txt"])
        #expect(configuration.tenants["shop"]?.options["tts-cache"] == ["--lexicon", base + "/shop.tsv"])
        #expect(configuration.file == file.path)
    }

    @Test func hostAndPortAreReadAsWritten() {
        #expect(HostAndPort(parsing: "[::1]:8080") == HostAndPort(host: "::1", port: 8080))
        #expect(HostAndPort(parsing: "localhost:0") == HostAndPort(host: "localhost", port: 0))
        #expect(HostAndPort(parsing: "::1:8080") == nil)
        #expect(HostAndPort(parsing: ":8080") == nil)
        #expect(HostAndPort(parsing: "host:port") == nil)
    }
}
