import Foundation
import Testing

/// `switchboard mock-providers` as a user starts it: a server on a port it prints, answering
/// the providers' routes, until interrupted.
@Suite(.serialized) struct MockProvidersToolTests {
    @Test func servesOnTheFreePortItPrintsUntilInterrupted() async throws {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: Tools.binDirectory + "/switchboard")
        server.arguments = ["mock-providers", "--port", "0"]
        let stderr = Pipe()
        server.standardError = stderr
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }

        let base = try #require(try await listeningAddress(of: server, on: stderr.fileHandleForReading), "no 'listening on' line")
        let chat = #"{"model":"m","messages":[{"role":"user","content":"We open at nine."}]}"#
        let answer = try await Tools.sh("curl -sS --max-time 10 \(base)/chat/completions -H 'Content-Type: application/json' -d '\(chat)'")
        #expect(answer.status == 0, "\(answer.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: answer.stdout) as? [String: Any], "\(answer.text)")
        let message = (json["choices"] as? [[String: Any]])?.first?["message"] as? [String: Any]
        #expect(message?["content"] as? String == "We open at nine.", "echoes the last user message")

        // Ctrl-C ends it gracefully, with the status 0 its --help promises.
        server.interrupt()
        server.waitUntilExit()
        #expect(server.terminationReason == .exit && server.terminationStatus == 0)
    }

    @Test func badOptionsExit64() async throws {
        for options in ["--port 70000", "--no-such-option", "--seed many"] {
            // Under `timeout`: a server that started anyway must fail the test, not hang it.
            let result = try await Tools.sh("timeout 20 switchboard mock-providers \(options) < /dev/null")
            #expect(result.status == 64, "\(options): \(result.stderr)")
        }
    }

    /// The base URL from the server's "listening on" line, read off its stderr; nil if it
    /// ends, or says nothing of the kind within 30 seconds (it is then stopped).
    func listeningAddress(of server: Process, on handle: FileHandle) async throws -> String? {
        let lines = Task.detached { () -> String? in
            var seen = ""
            while true {
                let data = handle.availableData
                if data.isEmpty { return nil }  // the server ended
                seen += String(decoding: data, as: UTF8.self)
                if let range = seen.range(of: #"http://[0-9.]+:[0-9]+/v1"#, options: .regularExpression) {
                    return String(seen[range])
                }
            }
        }
        let timeout = Task {
            try await Task.sleep(for: .seconds(30))
            server.terminate()  // ends its stderr, and so the read
        }
        defer { timeout.cancel() }
        return await lines.value
    }
}
