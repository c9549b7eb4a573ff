import Foundation
import Hummingbird
import SwitchboardCore

/// `POST /v1/chat/completions`: replies from the script (or an echo of the last user
/// message), streamed as `chat.completion.chunk` events exactly as openai-compatible.md §1
/// shows, or as one `chat.completion` when `stream` is false. A `response_format` is checked
/// as OpenAI checks it (`ResponseFormatCheck`); scripted replies are the answers to it.
struct ChatCompletionsRoute: Sendable {
    let state: MockState
    let faults: MockFaults

    func respond(_ request: Request) async throws -> Response {
        let bytes = Array(try await request.body.collect(upTo: 4 * 1024 * 1024).readableBytesView)
        guard let body = try? JSONParser.parse(bytes).object else { return ProviderErrors.badRequest("body is not a JSON object") }
        guard let model = body["model"]?.string else { return ProviderErrors.badRequest("you must provide a model parameter") }
        guard let messages = body["messages"]?.array, !messages.isEmpty else { return ProviderErrors.badRequest("messages must be a non-empty array") }
        if let format = body["response_format"], let problem = ResponseFormatCheck.problem(format) { return ProviderErrors.badRequest(problem) }
        let outcome = state.outcome(for: .chat)
        if let injected = ProviderErrors.injected(outcome, faults: faults) { return injected }

        let lastUser = messages.last { $0.object?["role"]?.string == "user" }?.object?["content"]?.string ?? ""
        let reply = state.reply() ?? lastUser
        let promptTokens = messages.compactMap { $0.object?["content"]?.string }.map(Self.tokens).map(\.count).reduce(0, +)
        let tokens = Self.tokens(reply)
        let usage: JSON = ["prompt_tokens": .int(promptTokens), "completion_tokens": .int(tokens.count),
            "total_tokens": .int(promptTokens + tokens.count)]
        let id = "chatcmpl-mock-\(UUID().uuidString.prefix(8))"
        let created = JSON.int(Int(Date().timeIntervalSince1970))

        guard body["stream"]?.bool == true else {
            let completion: JSON = [
                "id": .string(id), "object": "chat.completion", "created": created, "model": .string(model),
                "choices": [["index": 0, "message": ["role": "assistant", "content": .string(reply)], "finish_reason": "stop"]],
                "usage": usage,
            ]
            try await Task.sleep(for: .milliseconds(faults.ttfbMs))
            return Response(status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: JSONWriter.string(completion))))
        }

        func chunk(_ delta: JSON, finish: JSON = nil, choices: Bool = true, usage: JSON = nil) -> [UInt8] {
            let event: JSON = [
                "id": .string(id), "object": "chat.completion.chunk", "created": created, "model": .string(model),
                "choices": choices ? [["index": 0, "delta": delta, "finish_reason": finish]] : [], "usage": usage,
            ]
            return Array("data: \(JSONWriter.string(event))\n\n".utf8)
        }
        var events = [chunk(["role": "assistant", "content": ""])]
        events += tokens.map { chunk(["content": .string($0)]) }
        events.append(chunk([:], finish: "stop"))
        if body["stream_options"]?.object?["include_usage"]?.bool == true { events.append(chunk([:], choices: false, usage: usage)) }
        events.append(Array("data: [DONE]\n\n".utf8))
        let streamer = MockStreamer(route: .chat, faults: faults, outcome: outcome, state: state)
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: streamer.body(events))
    }

    /// Words with their leading space, as token deltas arrive: "We", " open", " at", " 9.".
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        for (index, word) in text.split(separator: " ", omittingEmptySubsequences: true).enumerated() {
            tokens.append(index == 0 ? String(word) : " " + word)
        }
        return tokens
    }
}
