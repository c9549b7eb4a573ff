import Foundation
import Server
import SwitchboardCore
import Testing

extension ServeSuites {
    /// Many calls in one server process: each call's recording holds its own caller's audio,
    /// byte for byte, and its own agent's greeting; no call hears another.
    @Suite struct ServeConcurrencyTests {
        /// `count` bytes of caller audio unique to `call` (never the silence codes).
        static func callerAudio(call: Int, count: Int) -> [UInt8] {
            var state = UInt64(call + 1) &* 0x9E37_79B9_7F4A_7C15
            return (0..<count).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let byte = UInt8(truncatingIfNeeded: state >> 33) & 0x7E  // never 0x7F or 0xFF
                return byte == 0 ? 1 : byte
            }
        }

        @Test func fiftyCallsAtOnceWithoutCrossTalk() async throws {
            let directory = try ServeCallTests.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let script = ServeCallTests.script
            var configuration = ServeConfiguration(graph: "mulaw-decode | llm-stream --script \(script) --words-per-second 0"
                + " | sentence-split | tts-cache --engine espeak --cache-dir \(directory)/tts | mulaw-encode")
            configuration.recordDirectory = directory + "/calls"
            configuration.limits.idlePromptSeconds = nil
            configuration.limits.idleHangupSeconds = nil
            try FileManager.default.createDirectory(atPath: directory + "/calls", withIntermediateDirectories: true)
            let calls = 50
            let sent = try await withServer(configuration) { server, base in
                try await withThrowingTaskGroup(of: (String, [UInt8]).self) { group in
                    for call in 0..<calls {
                        group.addTask {
                            let caller = try await TwilioTestCaller(url: base.mediaURL)
                            try await caller.start()
                            let audio = Self.callerAudio(call: call, count: 8000)
                            try await caller.say(audio)
                            #expect(try await caller.listen { $0.echoed.contains { $0.name == "t1.end" } }, "call \(call) heard its greeting")
                            try await caller.stop()
                            return (caller.callSid, audio)
                        }
                    }
                    var sent: [String: [UInt8]] = [:]
                    for try await (sid, audio) in group { sent[sid] = audio }
                    #expect(await eventually { server.context.registry.count == 0 })
                    return sent
                }
            }
            #expect(sent.count == calls)
            for (sid, audio) in sent {
                let wav = try ObservedWAV(path: "\(directory)/calls/\(sid).wav")
                #expect(wav.channels == 2 && wav.rate == 8000)
                let left = Array(wav.left.prefix(audio.count))
                let firstDifference = zip(left, audio).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                #expect(left.count == audio.count && firstDifference == nil,
                    "call \(sid): its caller's audio, and only it, on the left (\(left.count) of \(audio.count) bytes, first difference at \(firstDifference ?? -1))")
                #expect(wav.right.contains { $0 != 0xFF && $0 != 0x7F }, "call \(sid): the agent's greeting on the right")
            }
        }
    }
}
