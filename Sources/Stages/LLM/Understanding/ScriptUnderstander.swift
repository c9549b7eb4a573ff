import Dialogue
import Providers
import Resilience

/// Asks an OpenAI-compatible chat server what a caller turn means, for a dialogue script that
/// stays in charge of what is said (`llm-stream --understand`).
///
/// Each question carries a JSON schema built from the state's intents and slots
/// (`UnderstandingSchema`) and is answered within `deadline` or not at all: on expiry the
/// request is cancelled (its curl transfer aborted) and the outcome is `timedOut`. Failures and
/// timeouts count against `breaker`; while it is open no request is made. Whatever the
/// outcome, `understand` returns — the caller falls back to the script's rules.
///
/// One per process and server: the client's connections and the breaker are shared by every
/// call, so one call's timeouts keep the next call from waiting on a server that is down.
public struct ScriptUnderstander: Sendable {
    /// The engine name it was configured as (`openai`, `groq`, …), for logs.
    public let name: String
    public let client: ChatCompletionsClient
    public let model: String
    public let deadline: Duration
    public let breaker: CircuitBreaker

    public init(name: String, client: ChatCompletionsClient, model: String, deadline: Duration, breaker: CircuitBreaker) {
        self.name = name
        self.client = client
        self.model = model
        self.deadline = deadline
        self.breaker = breaker
    }

    /// The request `understand` sends for `utterance` in the state described by `choices`.
    public func request(for utterance: String, choices: UnderstandingChoices, today: CalendarDay) -> ChatCompletionRequest {
        // Temperature 0: the same utterance in the same state should be read the same way.
        // The answer is a short JSON object; 300 tokens leave room for long names.
        ChatCompletionRequest(model: model, messages: UnderstandingPrompt.messages(for: utterance, choices: choices, today: today),
            temperature: 0, maxTokens: 300, responseFormat: UnderstandingSchema.format(for: choices))
    }

    public func understand(_ utterance: String, choices: UnderstandingChoices, today: CalendarDay) async -> UnderstandingOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        func outcome(_ result: UnderstandingOutcome.Result) -> UnderstandingOutcome {
            UnderstandingOutcome(result, elapsed: clock.now - start)
        }
        guard let permit = breaker.acquire() else { return outcome(.breakerOpen) }
        let request = request(for: utterance, choices: choices, today: today)
        switch await race(request) {
        case .answered(let completion):
            breaker.record(.success, for: permit)
            switch UnderstandingReply.parse(completion.content, choices: choices) {
            case .success(let understanding): return outcome(.understood(understanding))
            case .failure(let rejection): return outcome(.rejected(completion.refusal.map { "refused: \($0)" } ?? rejection.reason))
            }
        case .failed(let error):
            breaker.record(.failure, for: permit)
            return outcome(.failed("\(error)"))
        case .deadline:
            breaker.record(.failure, for: permit)
            return outcome(.timedOut)
        case .cancelled:
            breaker.record(.neutral, for: permit)
            return outcome(.cancelled)
        }
    }

    private enum Race: Sendable {
        case answered(ChatCompletion)
        case failed(any Error)
        case deadline
        case cancelled
    }

    /// The request against the deadline: the first to finish wins and the other is cancelled.
    /// The group returns once the loser has stopped, which for the request means its transfer
    /// has been aborted — nothing is left running after the turn has moved on.
    private func race(_ request: ChatCompletionRequest) async -> Race {
        await withTaskGroup(of: Race.self) { group in
            group.addTask { [client] in
                do { return .answered(try await client.complete(request)) } catch {
                    return error is CancellationError || Task.isCancelled ? .cancelled : .failed(error)
                }
            }
            group.addTask { [deadline] in
                do { try await Task.sleep(for: deadline) } catch { return .cancelled }
                return .deadline
            }
            let first = await group.next() ?? .cancelled
            group.cancelAll()
            return first
        }
    }
}
