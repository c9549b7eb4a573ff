@testable import Providers
import Testing

/// A non-streamed `chat.completion` as servers send it, and what they send instead: every
/// body is either an answer or a `ProviderError` saying what was wrong, never a crash.
@Suite struct ChatCompletionDecodeTests {
    func decode(_ body: String) throws -> ChatCompletion { try ChatCompletionsClient.decodeCompletion(Array(body.utf8)) }

    @Test func theFirstChoicesMessageAndTheUsage() throws {
        let body = #"{"id":"c1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"{\"intent\":null}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":40,"completion_tokens":5,"total_tokens":45}}"#
        #expect(try decode(body) == ChatCompletion(content: #"{"intent":null}"#, finishReason: "stop",
            usage: ChatUsage(promptTokens: 40, completionTokens: 5, totalTokens: 45)))
    }

    /// OpenAI's structured outputs answer a declined request with `refusal` and no content.
    @Test func aRefusalHasNoContent() throws {
        let completion = try decode(#"{"choices":[{"message":{"role":"assistant","content":null,"refusal":"I can't help with that."}}]}"#)
        #expect(completion.content == nil)
        #expect(completion.refusal == "I can't help with that.")
    }

    @Test(arguments: [
        ("", "malformed"), ("<html>Bad gateway</html>", "malformed"), ("[1,2]", "not an object"),
        (#"{"choices":[]}"#, "no choices[0].message"), (#"{"choices":[{"text":"hi"}]}"#, "no choices[0].message"),
        (#"{"error":{"message":"model overloaded","code":"server_error"}}"#, "model overloaded"),
    ])
    func anythingElseIsAProviderError(body: String, message: String) {
        #expect {
            try decode(body)
        } throws: { error in
            (error as? ProviderError)?.message.contains(message) == true
        }
    }
}
