import Foundation
import Server
import Synchronization
import Testing

extension ServeSuites {
    /// `switchboard serve` as its own process, stopped with SIGTERM: it drains — no new calls,
    /// the live ones go on — then exits 0; calls still live when `--drain-s` runs out are ended.
    @Suite struct ServeDrainTests {
        /// The built `switchboard`, serving a quiet graph; returns once it listens, with its base URL.
        final class ServeProcess: Sendable {
            let process = Process()
            private let log = Collected()

            final class Collected: Sendable {
                let text = Mutex("")
            }
            let base: String

            init(drainSeconds: Int) async throws {
                let config = NSTemporaryDirectory() + "serve-drain-\(UUID().uuidString).yaml"
                try "graph: vad\nlimits:\n  idle_prompt_s: never\n  idle_hangup_s: never\n  start_timeout_s: 30\n".write(toFile: config, atomically: true, encoding: .utf8)
                process.executableURL = URL(fileURLWithPath: repositoryRoot + "/.build/debug/switchboard")
                process.arguments = ["serve", "--config", config, "--listen", "127.0.0.1:0", "--drain-s", "\(drainSeconds)", "--log-level", "notice"]
                let stderr = Pipe()
                process.standardError = stderr
                process.standardOutput = FileHandle.nullDevice
                try process.run()
                let log = self.log
                let port: Int? = await withCheckedContinuation { continuation in
                    DispatchQueue.global().async {
                        var resumed = false
                        while true {
                            let data = stderr.fileHandleForReading.availableData
                            if data.isEmpty { break }
                            let text = log.text.withLock { $0 += String(decoding: data, as: UTF8.self); return $0 }
                            if !resumed, let range = text.range(of: #"listening on 127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                                resumed = true
                                continuation.resume(returning: Int(text[range].split(separator: ":").last!))
                            }
                        }
                        if !resumed { continuation.resume(returning: nil) }
                    }
                }
                guard let port else { throw CocoaError(.fileReadUnknown) }
                base = "http://127.0.0.1:\(port)"
            }

            var output: String { log.text.withLock { $0 } }

            func terminate() { kill(process.processIdentifier, SIGTERM) }

            /// The exit status, or nil if it has not exited within `timeout`.
            func exitStatus(within timeout: Duration) async -> Int32? {
                let deadline = ContinuousClock.now + timeout
                while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
                return process.isRunning ? nil : process.terminationStatus
            }
        }

        @Test func sigtermDrainsThenExits() async throws {
            let serve = try await ServeProcess(drainSeconds: 120)
            defer { if serve.process.isRunning { serve.process.terminate() } }
            let caller = try await TwilioTestCaller(url: serve.base.mediaURL)
            try await caller.start()
            try await caller.say(CallerSpeech.silence(ms: 200))
            serve.terminate()
            try await Task.sleep(for: .milliseconds(300))  // the signal is handled asynchronously
            let health = try await TestHTTP.get(serve.base + "/healthz")
            #expect(health.status == 503, "draining: the load balancer sends calls elsewhere")
            let twiml = try await TestHTTP.post(serve.base + "/twiml", form: [("CallSid", "CA2")])
            #expect(twiml.status == 503, "a load balancer takes the call elsewhere: \(twiml.body)")
            await #expect(throws: (any Error).self, "a new socket is refused (503) before its upgrade: \(serve.output)") {
                _ = try await TwilioTestCaller(url: serve.base.mediaURL)
            }
            try await caller.say(CallerSpeech.silence(ms: 500))
            #expect(serve.process.isRunning, "the live call goes on")
            try await caller.stop()
            #expect(await serve.exitStatus(within: .seconds(30)) == 0, "\(serve.output)")
        }

        @Test func callsStillLiveWhenTheDrainRunsOutAreEnded() async throws {
            let serve = try await ServeProcess(drainSeconds: 1)
            defer { if serve.process.isRunning { serve.process.terminate() } }
            let caller = try await TwilioTestCaller(url: serve.base.mediaURL)
            try await caller.start()
            try await caller.say(CallerSpeech.silence(ms: 200))
            serve.terminate()
            #expect(await caller.waitUntilClosed(timeout: .seconds(30)) != nil)
            #expect(await serve.exitStatus(within: .seconds(30)) == 0, "\(serve.output)")
            #expect(serve.output.contains("ending 1 calls"))
        }
    }
}
