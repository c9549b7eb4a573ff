import Foundation
import Providers
import Testing
@testable import Supervisor
import SwitchboardCore

/// The WebSocket client against the mock's Deepgram live route.
@Suite(.serialized) struct DeepgramListenTests {
    /// 20 ms linear16 frames: `silence` s of quiet, `speech` s of a 440 Hz tone at about
    /// −13 dBFS, `after` s of quiet.
    static func utterance(rate: Int = 16000, silence: Double, speech: Double, after: Double) -> [[UInt8]] {
        let samplesPerFrame = rate / 50
        func frames(_ seconds: Double, amplitude: Double) -> [[UInt8]] {
            (0..<Int(seconds * 50)).map { frame in
                var bytes: [UInt8] = []
                for i in 0..<samplesPerFrame {
                    let t = Double(frame * samplesPerFrame + i) / Double(rate)
                    let sample = UInt16(bitPattern: Int16(amplitude * 32767 * sin(2 * .pi * 440 * t)))
                    bytes += [UInt8(truncatingIfNeeded: sample), UInt8(truncatingIfNeeded: sample >> 8)]
                }
                return bytes
            }
        }
        return frames(silence, amplitude: 0.0005) + frames(speech, amplitude: 0.3) + frames(after, amplitude: 0.0005)
    }

    func receiveAll(_ connection: WebSocketConnection) async throws -> [JSONObject] {
        var received: [JSONObject] = []
        for try await message in connection.messages {
            if case .text(let text) = message, let object = try JSONParser.parse(text).object { received.append(object) }
        }
        return received
    }

    @Test func utteranceGetsSpeechStartedFinalResultsAndUtteranceEnd() async throws {
        try await withMock({ $0.transcripts = ["I need an appointment.", "Tomorrow."] }) { base in
            let url = base.replacingOccurrences(of: "http://", with: "ws://")
                + "/v1/listen?model=nova-3&encoding=linear16&sample_rate=16000&channels=1&interim_results=true"
                + "&endpointing=300&utterance_end_ms=1000&vad_events=true&punctuate=true"
            let connection = try await WebSocketConnection.connect(url: url, headers: [("Authorization", "Token mock")])
            let reading = Task { try await receiveAll(connection) }
            for frame in Self.utterance(silence: 0.5, speech: 1.0, after: 1.5) { try await connection.send(binary: frame) }
            try await connection.send(text: #"{"type":"KeepAlive"}"#)
            try await connection.send(text: #"{"type":"CloseStream"}"#)
            let messages = try await reading.value

            let types = messages.compactMap { $0["type"]?.string }
            #expect(types.first == "SpeechStarted")
            #expect(types.contains("UtteranceEnd"))
            #expect(types.last == "Metadata")
            let started = try #require(messages.first)
            #expect(abs((started["timestamp"]?.double ?? 0) - 0.5) < 0.05)
            let finals = messages.filter { $0["type"] == "Results" && $0["is_final"] == true }
            try #require(finals.count == 1)
            let final = finals[0]
            #expect(final["speech_final"] == true)
            let alternative = final["channel"]?.object?["alternatives"]?.array?.first?.object
            #expect(alternative?["transcript"] == "I need an appointment.")
            #expect(alternative?["words"]?.array?.count == 4)
            #expect(abs((final["start"]?.double ?? 0) - 0.5) < 0.05)
            #expect(abs((final["duration"]?.double ?? 0) - 1.0) < 0.05)
            let interims = messages.filter { $0["type"] == "Results" && $0["is_final"] == false }
            #expect(!interims.isEmpty)
            #expect(messages.last?["duration"]?.double == 3.0)
        }
    }

    @Test func finalizeFlushesAndMuLawWorks() async throws {
        try await withMock({ $0.transcripts = ["yes"] }) { base in
            let url = base.replacingOccurrences(of: "http://", with: "ws://") + "/v1/listen?encoding=mulaw&sample_rate=8000&endpointing=false"
            let connection = try await WebSocketConnection.connect(url: url)
            let reading = Task { try await receiveAll(connection) }
            let tone = Self.utterance(rate: 8000, silence: 0.2, speech: 0.6, after: 0)
            for frame in tone { try await connection.send(binary: frame.toMuLaw()) }
            try await connection.send(text: #"{"type":"Finalize"}"#)
            try await connection.send(text: #"{"type":"CloseStream"}"#)
            let messages = try await reading.value
            let final = try #require(messages.first { $0["type"] == "Results" })
            #expect(final["from_finalize"] == true)
            #expect(final["speech_final"] == false)
            #expect(final["channel"]?.object?["alternatives"]?.array?.first?.object?["transcript"] == "yes")
        }
    }

    @Test func badQueryIsRefusedAtTheUpgrade() async throws {
        try await withMock { base in
            let ws = base.replacingOccurrences(of: "http://", with: "ws://")
            await #expect(throws: WebSocketConnection.WebSocketClosed.self) {
                _ = try await WebSocketConnection.connect(url: ws + "/v1/listen?encoding=opus&sample_rate=48000", timeout: .seconds(5))
            }
            let response = try await HTTPClient().execute(HTTPRequest(url: base + "/v1/listen?encoding=linear16"))
            #expect(response.status == 400)
            #expect(response.header("dg-error")?.contains("sample_rate") == true)
        }
    }

    @Test func faultsRefuseTheUpgradeOrDropTheConnection() async throws {
        try await withMock({ $0.faults[.listen] = faults { $0.rateLimit = 1; $0.retryAfterSeconds = 4 } }) { base in
            let response = try await HTTPClient().execute(HTTPRequest(url: base + "/v1/listen?encoding=linear16&sample_rate=16000"))
            #expect(response.status == 429)
            #expect(response.header("retry-after") == "4")
        }
        try await withMock({ $0.faults[.listen] = faults { $0.disconnectAfter = 1 }; $0.transcripts = ["one"] }) { base in
            let url = base.replacingOccurrences(of: "http://", with: "ws://") + "/v1/listen?encoding=linear16&sample_rate=16000&vad_events=true"
            let connection = try await WebSocketConnection.connect(url: url)
            let reading = Task { try await receiveAll(connection) }
            for frame in Self.utterance(silence: 0.2, speech: 0.5, after: 0.5) { try? await connection.send(binary: frame) }
            // Without the fault this would end the stream normally, failing the expectation.
            try? await connection.send(text: #"{"type":"CloseStream"}"#)
            await #expect(throws: (any Error).self) { _ = try await reading.value }
        }
    }

    @Test func malformedControlMessageClosesWith1008() async throws {
        try await withMock { base in
            let url = base.replacingOccurrences(of: "http://", with: "ws://") + "/v1/listen?encoding=linear16&sample_rate=16000"
            let connection = try await WebSocketConnection.connect(url: url)
            try await connection.send(text: "not json")
            await #expect(throws: WebSocketConnection.WebSocketClosed(code: 1008, reason: "DATA-0000: could not parse control message")) {
                for try await _ in connection.messages {}
            }
        }
    }
}

extension [UInt8] {
    /// pcm16 little-endian → µ-law, by the reference algorithm's sign/segment rules.
    func toMuLaw() -> [UInt8] {
        stride(from: 0, to: count - 1, by: 2).map { i in
            let sample = Int(Int16(bitPattern: UInt16(self[i]) | UInt16(self[i + 1]) << 8))
            let sign = sample < 0 ? 0x80 : 0
            let magnitude = Swift.min(abs(sample), 32635) + 0x84
            var exponent = 7
            while exponent > 0 && magnitude & (0x80 << exponent) == 0 { exponent -= 1 }
            return ~UInt8(sign | exponent << 4 | (magnitude >> (exponent + 3)) & 0x0F)
        }
    }
}
