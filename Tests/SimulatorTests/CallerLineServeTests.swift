import Audio
import Foundation
import Logging
import Server
import Simulator
import StageOptions
import Supervisor
import Telephony
import Testing

/// The caller's line against a real `switchboard serve` on 127.0.0.1 (in this process).
@Suite(.serialized) struct CallerLineServeTests {
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let resources = SharedResources()

    /// The receptionist's greeting through espeak; no speech recognition, so the caller's
    /// audio does not interrupt it.
    static func greetingGraph(cacheDir: String) -> String {
        let script = repository + "/Examples/receptionist.yaml"
        return "mulaw-decode --rate 8000 | llm-stream --script \(script) --words-per-second 0"
            + " | sentence-split | tts-cache --engine espeak --cache-dir \(cacheDir) | mulaw-encode"
    }

    /// A server on a free port for the duration of `body`, which gets `ws://127.0.0.1:PORT/media`.
    static func withGreetingServer(_ body: (String) async throws -> Void) async throws {
        try await withServer(graph: greetingGraph, body)
    }

    /// A server running `graph` (given its TTS cache folder) on a free port for `body`.
    static func withServer(graph: (String) -> String, configure: (inout ServeConfiguration) -> Void = { _ in }, _ body: (String) async throws -> Void) async throws {
        let directory = NSTemporaryDirectory() + "caller-line-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var configuration = ServeConfiguration(graph: graph( directory + "/tts"))
        configuration.listen = HostAndPort(host: "127.0.0.1", port: 0)
        configuration.limits.idlePromptSeconds = nil
        configuration.limits.idleHangupSeconds = nil
        configure(&configuration)
        var logger = Logger(label: "test.caller-line")
        logger.logLevel = .warning
        let graphs = CallGraphs(configuration: configuration, resources: resources, logger: logger)
        let server = SwitchboardServer(context: ServerContext(configuration: configuration, graphs: graphs, calls: nil, logger: logger))
        try await server.serving { base in
            try await body(base.replacingOccurrences(of: "http://", with: "ws://") + "/media")
        }
    }

    /// A 440 Hz tone at 8 kHz, µ-law: caller audio that is easy to find in the recording.
    static func tone(ms: Int) -> [UInt8] {
        MuLaw.encode((0..<ms * 8).map { Int16(8000 * sin(2 * Double.pi * 440 * Double($0) / 8000)) })
    }

    static func loudness(_ samples: some Sequence<Int16>) -> Double {
        var sum = 0.0, count = 0.0
        for sample in samples { sum += Double(sample) * Double(sample); count += 1 }
        return count == 0 ? 0 : (sum / count).squareRoot()
    }

    /// The bytes of a WAV file's `data` chunk.
    static func waveData(_ path: String) throws -> [UInt8] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var offset = 12
        while offset + 8 <= bytes.count {
            let size = bytes[offset + 4..<offset + 8].reversed().reduce(0) { $0 << 8 | Int($1) }
            if bytes[offset..<offset + 4].elementsEqual("data".utf8) { return Array(bytes[offset + 8..<min(bytes.count, offset + 8 + size)]) }
            offset += 8 + size + size % 2
        }
        throw SoundFileError("\(path) has no data chunk")
    }

    @Test func theGreetingsEndMarkComesBackOnlyAfterItsAudioHasPlayed() async throws {
        try await Self.withGreetingServer { url in
            let line = try await CallerLine.connect(to: url, tenant: "acme")
            let end = try #require(await line.agentFinishedTurn(timeout: .seconds(60)), "the greeting's end mark came back: \(line.timeline.events.suffix(5))")
            let events = line.timeline.events
            let started = try #require(events.first { $0.kind == .agentAudioStarted })
            let audioMs = Double(line.agentBytesReceived) / 8
            #expect(audioMs > 1000, "at least a second of greeting")
            // The mark may come back up to a tick late, never before its audio has played.
            #expect(end.ms - started.ms >= audioMs - 20, "played \(end.ms - started.ms) ms of \(audioMs) ms")
            #expect(events.contains { $0.kind == .agentAudioEnded && $0.ms <= end.ms })
            #expect(!events.contains { $0.kind == .clearReceived }, "nothing interrupted the greeting")
            await line.hangUp()
            #expect(line.timeline.events.contains { $0.kind == .hungUp })
            #expect(line.failure == nil)
        }
    }

    @Test func theRecordingHasTheCallerOnTheLeftAndTheAgentAsPlayedOnTheRight() async throws {
        let path = NSTemporaryDirectory() + "caller-line-\(UUID().uuidString).wav"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await Self.withGreetingServer { url in
            let line = try await CallerLine.connect(to: url, recordingPath: path)
            let speaking = await line.agentStartedSpeaking(timeout: .seconds(60))
            #expect(speaking != nil, "the greeting started")
            // The caller talks over the greeting for a second (nothing listens, so no barge-in).
            try line.say(Self.tone(ms: 1000))
            let spoke = await line.timeline.first(timeout: .seconds(10)) { $0.kind == .callerSpeechEnded }
            #expect(spoke != nil)
            #expect(await line.agentFinishedTurn(timeout: .seconds(60)) != nil)
            await line.hangUp()
            let events = line.timeline.events
            let callerStart = try #require(events.first { $0.kind == .callerSpeechStarted }).ms
            let agentStart = try #require(events.first { $0.kind == .agentAudioStarted }).ms
            let agentEnd = try #require(events.last { $0.kind == .agentAudioEnded }).ms

            let reader = try SoundFileReader(path: path)
            #expect(reader.channels == 2)
            #expect(reader.sampleRate == 8000)
            // The recording follows the line's 20 ms clock, which lags the wall clock on a loaded
            // machine (571 ms over a call in one run); what it holds is checked below, window by window.
            #expect(abs(Double(reader.frameCount) / 8 - line.elapsedMs) < 1000, "the recording covers the call")
            // The reader mixes channels down, so the channels are taken from the WAV's data.
            let samples = MuLaw.decode(try Self.waveData(path))
            let left = stride(from: 0, to: samples.count, by: 2).map { samples[$0] }
            let right = stride(from: 1, to: samples.count, by: 2).map { samples[$0] }
            func window(_ channel: [Int16], fromMs: Double, toMs: Double) -> ArraySlice<Int16> {
                let from = max(0, min(channel.count, Int(fromMs * 8))), to = max(from, min(channel.count, Int(toMs * 8)))
                return channel[from..<to]
            }
            // The file's time is the line's ticks. A machine that stalls mid-tone skips ticks and
            // records them as silence, so the tone is counted frame by frame, not timed: all of
            // its 50 frames, none before the caller began.
            let toneFrames = stride(from: 0, to: left.count - 159, by: 160).filter { Self.loudness(left[$0..<$0 + 160]) > 2000 }
            #expect(toneFrames.count == 50, "the caller's second of tone is on the left")
            #expect(toneFrames.first == Int(callerStart) * 8, "the tone starts where the caller began")
            #expect(Self.loudness(window(right, fromMs: agentStart + 100, toMs: agentEnd - 100)) > 300, "the agent is on the right")
            #expect(Self.loudness(window(left, fromMs: agentStart + 100, toMs: callerStart - 100)) < 50, "the left is silent before the caller speaks")
            #expect(Self.loudness(window(right, fromMs: 0, toMs: agentStart - 100)) < 50, "the right is silent before the agent speaks")
        }
    }

    @Test func aSignedLineIsAnsweredAndAnUnsignedOneIsNot() async throws {
        try await Self.withServer(graph: Self.greetingGraph, configure: { $0.twilio.authToken = "12345" }) { url in
            await #expect(throws: (any Error).self, "no signature: the upgrade is refused") {
                let line = try await CallerLine.connect(to: url)
                // Should the upgrade pass, the refusal is a close before any agent audio.
                _ = await line.closed(timeout: .seconds(10))
                if line.agentBytesReceived == 0 { throw CallerLine.LineError(description: "closed unanswered") }
            }
            let signature = TwilioSignature.compute(url: url, parameters: [], authToken: "12345")
            let line = try await CallerLine.connect(to: url, signature: signature)
            #expect(await line.agentStartedSpeaking(timeout: .seconds(60)) != nil, "the signed call was answered")
            await line.hangUp()
        }
    }
}
