import ArgumentParser
import Foundation
import Supervisor
import SwitchboardCore
import ToolSupport

struct MockProvidersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock-providers",
        abstract: "Serve local stand-ins for the cloud providers, with faults on demand.",
        discussion: """
            Speaks the providers' real protocols on http://HOST:PORT/v1, so engines and their \
            fallbacks can be exercised without the internet or money:

              POST /v1/chat/completions     OpenAI-compatible chat; streamed (SSE chunks, usage, \
            [DONE]) or not. Replies come from --replies, one per line in turn, or echo the \
            last user message.
              POST /v1/audio/speech         response_format pcm (24 kHz s16le) or wav: the \
            input spoken by espeak-ng (speed scales the pace).
              POST /v1/audio/transcriptions multipart upload; answers the next line of \
            --transcripts (json or text).
              GET  /v1/listen               Deepgram live WebSocket: an energy detector finds \
            utterances and answers each with the next line of --transcripts (SpeechStarted, \
            interim and final Results, UtteranceEnd, Metadata).
              POST /v1/speak                Deepgram Aura (Authorization: Token KEY): \
            encoding=mulaw|linear16, sample_rate, container=none|wav (default wav).
              POST /v1/text-to-speech/VOICE/stream  ElevenLabs (xi-api-key): \
            output_format=ulaw_8000 or pcm_8000…pcm_48000, raw.
              POST /cognitiveservices/v1    Azure (Ocp-Apim-Subscription-Key): SSML body, \
            X-Microsoft-OutputFormat raw-8khz-8bit-mono-mulaw, raw-*-16bit-mono-pcm or riff-*.
              POST /tts/bytes               Cartesia (Cartesia-Version, Authorization: Bearer KEY): \
            output_format pcm_mulaw or pcm_s16le, raw or wav.
              POST /2010-04-01/Accounts/SID/Calls/CALL.json  Twilio's REST API updating a live \
            call (Basic auth ACtest:test-token; Status=completed, Twiml or Url): the call as JSON, \
            or Twilio's error JSON.
              GET  /mock/stats              requests per route and outcome, as JSON.

            Every speech route speaks the requested text with espeak-ng, streamed in 100 ms \
            chunks; without the provider's auth header it answers 401.

            Faults, per route (chat, speech, transcriptions, listen, aura, elevenlabs, azure, cartesia, twilio), from --faults FILE (JSON: \
            {"chat": {"ttfb_ms": 300, "rate_limit": 0.2}}) or --fault ROUTE.KEY=VALUE, repeated:
              ttfb_ms             delay before the first byte
              tokens_per_second   streaming pace (default: all at once)
              jitter_ms           random extra delay per chunk, up to this
              rate_limit          probability of 429 with Retry-After (retry_after seconds)
              server_error        probability of 500
              stall_after         stop sending after N chunks, connection left open
              disconnect_after    drop the connection after N chunks
              faulty_requests     only the first N requests draw a fault
            Random draws are seeded (--seed): the same run gives the same faults.

            Every request is logged on stderr at --log-level info.

            Exit status: 0 on interrupt, 64 bad usage, 66 a file cannot be read, 78 bad faults.

            In the examples, `&` runs a server in the background; `kill %1` stops it.

            Examples:
              switchboard mock-providers --port 8787 --replies Examples/replies.txt &
              curl -N localhost:8787/v1/chat/completions -d '{"model":"m",
                "stream":true,"messages":[{"role":"user","content":"hi"}]}'
              curl localhost:8787/mock/stats
              switchboard mock-providers --port 8788 \\
                --fault chat.rate_limit=0.3 --fault chat.ttfb_ms=400 &
            """)

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(parsing: .unconditional, help: "Port to listen on (0: any free port, printed on stderr).") var port = 8787
    @Option(help: ArgumentHelp("Transcripts to hand out in turn, one per line.", valueName: "file"), completion: .file())
    var transcripts: String?
    @Option(help: ArgumentHelp("Chat replies to hand out in turn, one per line (default: echo).", valueName: "file"), completion: .file())
    var replies: String?
    @Option(help: ArgumentHelp("Faults per route, as JSON.", valueName: "file"), completion: .file())
    var faults: String?
    @Option(name: .customLong("fault"), help: ArgumentHelp("One fault, ROUTE.KEY=VALUE (repeatable).", valueName: "fault"))
    var faultSettings: [String] = []
    @Option(parsing: .unconditional, help: "Seed of the random draws.") var seed: UInt64 = 1
    @OptionGroup var log: LogOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
    }

    func run() async throws {
        let logger = log.makeLogger(label: "switchboard.mock-providers")
        var configuration = MockConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.seed = seed
        do {
            if let transcripts { configuration.transcripts = try Self.lines(of: transcripts) }
            if let replies { configuration.replies = try Self.lines(of: replies) }
        } catch {
            logger.error("\(error)")
            try ExitStatus.noInput.exit()
        }
        do {
            if let faults { configuration.faults = try MockConfiguration.faults(fromJSON: Data(contentsOf: URL(fileURLWithPath: faults))) }
            for setting in faultSettings { try Self.apply(setting, to: &configuration) }
        } catch {
            logger.error("bad faults: \(error)")
            try ExitStatus.config.exit()
        }
        let mock = MockProviders(configuration: configuration, logger: logger)
        let host = configuration.host
        try await mock.run { port in
            FileHandle.standardError.write(Data("mock-providers listening on http://\(host):\(port)/v1\n".utf8))
        }
    }

    static func lines(of path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// `chat.ttfb_ms=300` and the like, through the same decoder as the JSON file.
    static func apply(_ setting: String, to configuration: inout MockConfiguration) throws {
        let parts = setting.split(separator: "=", maxSplits: 1)
        let path = parts.first?.split(separator: ".") ?? []
        guard parts.count == 2, path.count == 2, let route = MockRoute(rawValue: String(path[0])) else {
            throw ValidationError("--fault \(setting): expected ROUTE.KEY=VALUE, ROUTE one of \(MockRoute.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var current = try JSONEncoder().encode(configuration.faults(for: route))
        var object = try JSONSerialization.jsonObject(with: current) as? [String: Any] ?? [:]
        guard let number = Double(parts[1]) else { throw ValidationError("--fault \(setting): the value must be a number") }
        object[String(path[1])] = number == number.rounded() && !String(parts[1]).contains(".") ? Int(number) as Any : number
        let known = ["ttfb_ms", "tokens_per_second", "jitter_ms", "rate_limit", "retry_after", "server_error", "stall_after", "disconnect_after", "faulty_requests"]
        guard known.contains(String(path[1])) else { throw ValidationError("--fault \(setting): unknown key (keys: \(known.joined(separator: ", ")))") }
        current = try JSONSerialization.data(withJSONObject: object)
        configuration.faults[route] = try JSONDecoder().decode(MockFaults.self, from: current)
    }
}
