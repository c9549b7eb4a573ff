import Foundation
import Testing
@testable import Providers
import SwitchboardCore

/// The chat client against a scripted server speaking the wire format of openai-compatible.md.
@Suite(.serialized) struct ChatCompletionsClientTests {
    let http = HTTPClient()

    /// The reference's example stream, verbatim.
    static let referenceStream = [
        #"data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":null}"#,
        #"data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"We open"},"finish_reason":null}],"usage":null}"#,
        #"data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":" at 9."},"finish_reason":null}],"usage":null}"#,
        #"data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}"#,
        #"data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":25,"completion_tokens":5,"total_tokens":30}}"#,
        "data: [DONE]",
    ]

    func server(status: Int = 200, headers: [String: String] = [:], events: [String], body: String? = nil,
        seen: RequestLog? = nil) throws -> TestHTTPServer
    {
        try TestHTTPServer { request, connection in
            seen?.record(request)
            if let body {
                connection.head(status: status, headers: headers.merging(["Content-Length": "\(body.utf8.count)"]) { $1 }, chunked: false)
                connection.send(body)
                return
            }
            connection.head(status: status, headers: ["Content-Type": "text/event-stream"])
            for event in events { connection.chunk(event + "\n\n") }
            connection.end()
        }
    }

    @Test func streamsTheReferenceExample() async throws {
        let log = RequestLog()
        let server = try server(events: Self.referenceStream, seen: log)
        defer { server.shutdown() }
        let client = ChatCompletionsClient(baseURL: server.url + "/v1/", apiKey: "sk-test", http: http)
        var events: [ChatStreamEvent] = []
        let request = ChatRequest(model: "gpt-4o-mini", messages: [ChatMessage(role: "user", content: "Hours?")], temperature: 0.7, maxTokens: 200)
        for try await event in try await client.stream(request) { events.append(event) }
        #expect(events == [.text("We open"), .text(" at 9."), .finished(reason: "stop"),
            .usage(ChatUsage(promptTokens: 25, completionTokens: 5, totalTokens: 30))])
        let sent = try #require(log.requests.first)
        #expect(sent.method == "POST")
        #expect(sent.path == "/v1/chat/completions")
        #expect(sent.headers["authorization"] == "Bearer sk-test")
        let body = try JSONParser.parse(sent.body).object
        #expect(body?["stream"] == true)
        #expect(body?["stream_options"] == ["include_usage": true])
        #expect(body?["max_tokens"] == 200)
        #expect(body?["messages"] == [["role": "user", "content": "Hours?"]])
    }

    @Test func rateLimitIsAnOverloadWithRetryAfter() async throws {
        let server = try server(status: 429, headers: ["Retry-After": "2"], events: [],
            body: #"{"error":{"message":"Rate limit reached for requests","type":"requests","param":null,"code":"rate_limit_exceeded"}}"#)
        defer { server.shutdown() }
        let client = ChatCompletionsClient(baseURL: server.url + "/v1", apiKey: nil, http: http)
        await #expect(throws: ProviderError(kind: .overloaded, status: 429, code: "rate_limit_exceeded",
            message: "Rate limit reached for requests", retryAfter: .seconds(2))) {
            _ = try await client.stream(ChatRequest(model: "m", messages: []))
        }
    }

    @Test(arguments: [
        (429, ["retry-after-ms": "1500"], #"{"error":{"message":"quota","code":"insufficient_quota"}}"#, ProviderError.Kind.overloaded, false, Duration?.some(.milliseconds(1500))),
        (503, [:], "upstream down", .serverError, true, nil),
        (401, [:], #"{"error":"bad key"}"#, .rejected, false, nil),
        (400, ["x-should-retry": "true"], "{}", .rejected, true, nil),
        (500, ["retry-after": "3600"], "{}", .serverError, true, nil),  // beyond 60 s: not believed
    ])
    func errorStatusesAreClassified(status: Int, headers: [String: String], body: String, kind: ProviderError.Kind, retryable: Bool, retryAfter: Duration?) async throws {
        let server = try server(status: status, headers: headers, events: [], body: body)
        defer { server.shutdown() }
        let client = ChatCompletionsClient(baseURL: server.url, apiKey: nil, http: http)
        do {
            _ = try await client.stream(ChatRequest(model: "m", messages: []))
            Issue.record("no error for \(status)")
        } catch let error as ProviderError {
            #expect(error.kind == kind)
            #expect(error.status == status)
            #expect(error.isRetryable == retryable)
            #expect(error.retryAfter == retryAfter)
        }
    }

    @Test func errorInsideA200StreamIsRaised() async throws {
        let server = try server(events: [Self.referenceStream[1], #"data: {"error":{"message":"overloaded","type":"server_error"}}"#])
        defer { server.shutdown() }
        let client = ChatCompletionsClient(baseURL: server.url, apiKey: nil, http: http)
        var texts: [ChatStreamEvent] = []
        await #expect(throws: ProviderError(kind: .serverError, code: "server_error", message: "overloaded")) {
            for try await event in try await client.stream(ChatRequest(model: "m", messages: [])) { texts.append(event) }
        }
        #expect(texts == [.text("We open")])
    }

    @Test func streamCutBeforeDoneIsAnError() async throws {
        let server = try server(events: Array(Self.referenceStream.prefix(3)))
        defer { server.shutdown() }
        let client = ChatCompletionsClient(baseURL: server.url, apiKey: nil, http: http)
        await #expect(throws: ProviderError.self) {
            for try await _ in try await client.stream(ChatRequest(model: "m", messages: [])) {}
        }
    }

    @Test func retryAfterAsAnHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
        #expect(ProviderError.retryAfter(headers: [("Retry-After", "Tue, 14 Nov 2023 22:13:30 GMT")], now: now) == .seconds(10))
        #expect(ProviderError.retryAfter(headers: [("Retry-After", "0")], now: now) == nil)
    }
}

final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [TestHTTPServer.Request] = []
    var requests: [TestHTTPServer.Request] { lock.withLock { seen } }
    func record(_ request: TestHTTPServer.Request) { lock.withLock { seen.append(request) } }
}
