import Foundation
import Logging
import Providers
import Resilience
@testable import Stages
import Supervisor
import SwitchboardCore

/// An engine for tests: answers every prompt with `reply(prompt)` word by word, after `delay`,
/// and remembers the prompts it was given. With `pauseAfter`, the answer stops after that many
/// words until `clock` has moved on by `pause`: an answer still being generated for as long as
/// the test wants, without timing it.
final class RecordingEngine: ResponseEngine, @unchecked Sendable {
    let name: String
    let delay: Duration
    let wordsPerSecond: Double
    /// What `delay` and `pause` run on.
    let clock: any ResilienceClock
    let pauseAfter: Int?
    let pause: Duration
    let reply: @Sendable (Prompt) -> String
    private let lock = NSLock()
    private var received: [Prompt] = []

    init(name: String = "recording", delay: Duration = .zero, wordsPerSecond: Double = 0, clock: any ResilienceClock = SystemClock(),
        pauseAfter: Int? = nil, pause: Duration = .seconds(1),
        reply: @escaping @Sendable (Prompt) -> String = { "You said: \($0.user ?? "nothing")." })
    {
        self.name = name
        self.delay = delay
        self.wordsPerSecond = wordsPerSecond
        self.clock = clock
        self.pauseAfter = pauseAfter
        self.pause = pause
        self.reply = reply
    }

    var prompts: [Prompt] { lock.withLock { received } }

    func respond(to prompt: Prompt) async throws -> AsyncThrowingStream<ResponseChunk, any Error> {
        guard prompt.user != nil else { return AsyncThrowingStream { $0.finish() } }  // no greeting
        lock.withLock { received.append(prompt) }
        if delay > .zero { try await clock.sleep(for: delay) }
        guard let pauseAfter else { return WordStreamer(wordsPerSecond: wordsPerSecond).stream(reply(prompt)) }
        let words = WordStreamer.words(reply(prompt))
        let clock = clock, pause = pause
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for (index, word) in words.enumerated() {
                        if index == pauseAfter { try await clock.sleep(for: pause) }
                        continuation.yield(.text(word))
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// A running `llm-stream`: frames are fed one at a time and its output can be waited on.
struct RunningStage: Sendable {
    let feed = FrameFeed()
    let sink = CollectingSink()
    let handled = HandledInputs()
    let task: Task<Void, any Error>

    init(_ stage: LLMStream) {
        var stage = stage
        let feed = feed, sink = sink, handled = handled
        stage.inputHandled = { handled.record($0) }
        task = Task { try await stage.run(feed, to: sink) }
    }

    func send(_ events: Event...) { for event in events { feed.send(.event(event)) } }

    /// Waits for an event of `type` (the `count`-th one) and returns it.
    @discardableResult
    func waitFor(_ type: String, count: Int = 1, timeout: Duration = .seconds(30)) async throws -> Event {
        _ = try await sink.wait(timeout: timeout) { $0.filter { $0.type == type }.count >= count }
        guard let event = sink.events.filter({ $0.type == type }).dropFirst(count - 1).first else {
            throw HarnessError("no \(count). \(type) event within \(timeout); got \(sink.events.map(\.type))")
        }
        return event
    }

    /// Sends a marker through the stage and waits for it to come out: every frame sent before
    /// it has been handled (input frames are handled in order), and so has a barge-in timer
    /// whose deadline had passed when the marker was sent.
    func probe(timeout: Duration = .seconds(30)) async throws {
        let id = UUID().uuidString
        send(Event("x.probe", ["id": .string(id)]))
        guard try await sink.wait(timeout: timeout, until: { $0.contains { $0.event?.type == "x.probe" && $0.event?["id"]?.string == id } }) else {
            throw HarnessError("the probe did not come through; got \(sink.events.map(\.type))")
        }
    }

    /// Waits until the stage has handled an input for which `matches` holds (engine output
    /// and timers, which no probe can follow).
    func waitUntilHandled(timeout: Duration = .seconds(30), _ matches: @escaping @Sendable (LoopInput) -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !handled.contains(where: matches) {
            guard ContinuousClock.now < deadline else { throw HarnessError("no such input handled within \(timeout)") }
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    /// Ends the input and waits for the stage to finish.
    func finish() async throws -> [Event] {
        feed.finish()
        try await task.value
        return sink.events
    }
}

/// What a running stage has handled, in order.
final class HandledInputs: @unchecked Sendable {
    private let lock = NSLock()
    private var inputs: [LoopInput] = []

    func record(_ input: LoopInput) { lock.withLock { inputs.append(input) } }
    func contains(where matches: (LoopInput) -> Bool) -> Bool { lock.withLock { inputs.contains(where: matches) } }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func stage(_ engines: [any ResponseEngine], clock: any ResilienceClock = SystemClock(),
    configure: (inout LLMStream.Configuration) -> Void = { _ in }) -> LLMStream
{
    var configuration = LLMStream.Configuration(engines: engines.map { $0.failoverEngine() })
    configure(&configuration)
    return LLMStream(configuration: configuration, clock: clock)
}

func transcript(_ text: String, final: Bool, endpoint: Bool = false, ts: Int = 0) -> Event {
    Event("transcript", ["text": .string(text), "final": .bool(final), "endpoint": .bool(endpoint), "ts": .int(ts)])
}

func vad(_ what: String, ts: Int) -> Event { Event("vad", ["event": .string(what), "ts": .int(ts)]) }

extension [Event] {
    func of(_ type: String) -> [Event] { filter { $0.type == type } }
    /// The text of turn `turn`'s tokens, joined.
    func tokens(turn: Int) -> String { of("token").filter { $0["turn"]?.int == turn }.compactMap { $0["text"]?.string }.joined() }
    var lastContext: [[String]] {
        (of("context").last?["messages"]?.array ?? []).map { [$0.object?["role"]?.string ?? "", $0.object?["content"]?.string ?? ""] }
    }
}

/// Runs mock providers for the duration of `body`, which gets the mock (for its stats) and its
/// base URL ending in `/v1`.
func withMockProviders<T: Sendable>(
    _ configure: (inout MockConfiguration) -> Void = { _ in }, _ body: (MockProviders, String) async throws -> T
) async throws -> T {
    var configuration = MockConfiguration()
    configure(&configuration)
    var logger = Logger(label: "switchboard.mock-providers")
    logger.logLevel = .warning  // a passing run should not print every request the mock served
    let mock = MockProviders(configuration: configuration, logger: logger)
    return try await mock.serving { try await body(mock, $0 + "/v1") }
}

func chatEngine(_ name: String, _ baseURL: String, http: HTTPClient, stall: Duration = .seconds(10)) -> ChatCompletionsEngine {
    ChatCompletionsEngine(name: name,
        client: ChatCompletionsClient(baseURL: baseURL, apiKey: "test-key", timeouts: .init(connect: .seconds(2), stall: stall), http: http),
        model: "mock-model")
}

extension MockProviders {
    func count(_ route: String, _ what: String) -> Int { stats.object?["routes"]?.object?[route]?.object?[what]?.int ?? 0 }
}
