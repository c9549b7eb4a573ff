import Runtime
import Server
import Testing

/// Cloud engines without their API key are left out of `--engine` lists, as long as one engine
/// remains; the environment is the one the configuration is built with, never the process's.
@Suite struct ConfigurationEngineTests {
    static func leaveOut(_ graph: String, _ environment: [String: String] = [:]) throws -> KeylessEngines.Result {
        try KeylessEngines.leaveOut(of: try GraphDescription(parsing: graph), environment: environment)
    }

    @Test func withoutKeysTheEmbeddedEnginesRemain() throws {
        let result = try Self.leaveOut("stt-stream --engine deepgram,pocketsphinx | llm-stream --engine groq,script --script s.yaml"
            + " | tts-cache --engine elevenlabs:voice1,espeak")
        #expect(result.graph.description == "stt-stream --engine pocketsphinx | llm-stream --engine script --script s.yaml | tts-cache --engine espeak")
        #expect(result.dropped.map(\.description) == [
            "stt-stream: engine deepgram left out (no API key in $DEEPGRAM_API_KEY)",
            "llm-stream: engine groq left out (no API key in $GROQ_API_KEY)",
            "tts-cache: engine elevenlabs left out (no API key in $ELEVENLABS_API_KEY)",
        ])
    }

    @Test func withKeysNothingChanges() throws {
        let graph = "stt-stream --engine deepgram+pocketsphinx,whisper | llm-stream --engine=groq:llama,script --script s.yaml | tts-cache --engine azure,espeak"
        let keys = ["DEEPGRAM_API_KEY": "d", "OPENAI_API_KEY": "o", "GROQ_API_KEY": "g", "AZURE_SPEECH_KEY": "a"]
        let result = try Self.leaveOut(graph, keys)
        #expect(result.graph.description == graph)
        #expect(result.dropped.isEmpty)
    }

    @Test func anEmptyKeyIsNoKey() throws {
        let result = try Self.leaveOut("llm-stream --engine groq,script --script s.yaml", ["GROQ_API_KEY": ""])
        #expect(result.dropped.map(\.engine) == ["groq"])
    }

    @Test func competingEnginesLoseOnlyTheKeylessMember() throws {
        let result = try Self.leaveOut("stt-stream --engine deepgram+pocketsphinx,whisper --engine deepgram+pocketsphinx")
        // The parser keeps the last --engine: that is the one rewritten.
        #expect(result.graph.description == "stt-stream --engine deepgram+pocketsphinx,whisper --engine pocketsphinx")
        #expect(result.dropped.map(\.engine) == ["deepgram"])
    }

    /// The tools' own rules: a local server needs no key; a custom variable is the one asked for.
    @Test func theNodesOptionsSayWhichKeyIsNeeded() throws {
        let local = try Self.leaveOut("stt-stream --engine whisper --endpoint whisper=http://127.0.0.1:9000 | llm-stream --engine openai --provider ollama"
            + " | llm-stream --engine openai --base-url http://127.0.0.1:8090/v1 | llm-stream --engine vllm")
        #expect(local.dropped.isEmpty)

        let custom = try Self.leaveOut("llm-stream --engine openai,script --api-key-env TEAM_KEY --script s.yaml | stt-stream --engine whisper,pocketsphinx --whisper-key-variable STT_KEY")
        #expect(custom.dropped.map(\.variable) == ["TEAM_KEY", "STT_KEY"])
        #expect(try Self.leaveOut("llm-stream --engine openai --api-key-env TEAM_KEY", ["TEAM_KEY": "k"]).dropped.isEmpty)
    }

    @Test func nothingLeftIsAnErrorNamingTheKeys() throws {
        #expect {
            try Self.leaveOut("vad | tts-cache --engine elevenlabs,cartesia")
        } throws: { error in
            "\(error)" == "tts-cache --engine elevenlabs,cartesia: no engine left, every one needs an API key that is not set"
                + " (set $CARTESIA_API_KEY, $ELEVENLABS_API_KEY, or add an embedded engine to the list)"
        }
    }

    /// `a || b`: an alternative with no engine left goes, while another remains.
    @Test func aKeylessAlternativeIsLeftOut() throws {
        let result = try Self.leaveOut("llm-stream --engine groq || llm-stream --engine script --script s.yaml | sentence-split")
        #expect(result.graph.description == "llm-stream --engine script --script s.yaml | sentence-split")
        #expect(result.dropped.map(\.engine) == ["groq"])
        #expect(throws: MissingEngineKeys.self) { try Self.leaveOut("llm-stream --engine groq || llm-stream --engine openai") }
    }

    @Test func otherToolsAndDefaultsAreLeftAlone() throws {
        let graph = "mulaw-decode | vad | stt-stream | llm-stream --script s.yaml | tts-cache | python3 x.py --engine deepgram"
        #expect(try Self.leaveOut(graph).graph.description == graph)
    }
}
