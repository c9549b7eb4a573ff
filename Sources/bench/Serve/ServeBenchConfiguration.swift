import Foundation

/// The `switchboard serve` configuration the bench writes for a run: the cloud engines at the
/// mock, the TTS cache in the run's folder, room for every call, and no idle prompt or idle
/// hang-up (a quiet bench caller stays on the line, as the measurement needs).
struct ServeBenchConfiguration {
    /// `http://127.0.0.1:PORT` of the mock.
    let mock: String
    let cacheDirectory: String
    let maxCalls: Int

    /// The graph, `{mock}` and `{cache}` standing for the two above.
    let template: String

    /// Every provider is the mock: Deepgram live for the caller, OpenAI-compatible chat for the
    /// answer; espeak-ng voices the answers once, then they come from the cache.
    static let defaultGraph = "mulaw-decode --rate 8000 | vad | stt-stream --engine deepgram --endpoint {mock}"
        + " | llm-stream --engine openai --base-url {mock}/v1 | sentence-split"
        + " | tts-cache --engine espeak --cache-dir {cache} | mulaw-encode"

    var graph: String {
        template.replacingOccurrences(of: "{mock}", with: mock).replacingOccurrences(of: "{cache}", with: cacheDirectory)
    }

    /// The keys the graph's engines look for; the mock takes any.
    static let environment = ["DEEPGRAM_API_KEY": "bench", "OPENAI_API_KEY": "bench"]

    var yaml: String {
        """
        # Written by `bench serve`.
        listen: 127.0.0.1:0
        graph: >-
          \(graph)
        limits:
          max_calls: \(maxCalls)
          idle_prompt_s: never
          idle_hangup_s: never

        """
    }

    /// Writes the file into `directory`; returns its path.
    func write(into directory: String) throws -> String {
        let path = directory + "/serve.yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
