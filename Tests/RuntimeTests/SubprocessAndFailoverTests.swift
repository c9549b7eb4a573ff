import Foundation
import Logging
import Testing
@testable import Runtime
import SwitchboardCore

@Suite struct SubprocessAndFailoverTests {
    let logger = Logger(label: "test")

    func graph(_ text: String, _ stages: [String: any Stage] = [:], stall: Duration = .seconds(5)) throws -> CallGraph {
        try CallGraph(GraphDescription(parsing: text), factory: TestFactory(stages: stages), stall: stall, logger: logger)
    }

    func samples(_ frame: Frame) -> [Int16] {
        guard let audio = frame.audio else { return [] }
        return stride(from: 0, to: audio.payload.count, by: 2).map { Int16(bitPattern: UInt16(audio.payload[$0]) | UInt16(audio.payload[$0 + 1]) << 8) }
    }

    /// A command that is not built in runs as a child speaking frames: Examples/gain.py halves
    /// the audio between two in-process nodes, and passes events on.
    @Test func subprocessNodeInAGraph() async throws {
        let graph = try graph("a | python3 \(repository)/Examples/gain.py 0.5 | b", ["a": PassThrough("a"), "b": PassThrough("b")])
        let input = FrameChannel()
        let sink = GatedSink()
        let tone: [Int16] = (0..<160).map { Int16(($0 % 20) * 1000 - 10_000) }
        let audio = Frame.audio(AudioFrame(codec: .pcm16, rate: 8000, ts: 0, payload: tone.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: UInt16(bitPattern: $0) >> 8)] }))
        async let fed: Void = input.feed([.event(Event("start", ["call": "CA1"])), audio, .event(.text("hello"))])
        try await CallContext.$id.withValue("CA1") { try await graph.run(input: input, output: sink) }
        try await fed
        #expect(sink.frames.map(\.type) == ["start", "audio", "text"])
        #expect(samples(sink.frames[1]) == tone.map { Int16((Double($0) * 0.5).rounded()) })
    }

    @Test func aCommandThatCannotStartFailsTheNode() async throws {
        let graph = try graph("a | no-such-command-here", ["a": PassThrough("a")])
        let input = FrameChannel()
        input.finish()
        let sink = GatedSink()
        await #expect(throws: StageFailure.self) { try await graph.run(input: input, output: sink) }
        #expect(sink.events.last?["message"]?.string?.contains("cannot start no-such-command-here") == true)
    }

    /// `a || b`: `a` (a child) is killed mid-call; `b` takes over for the rest of the call and
    /// is handed the last `context` `a` sent first, then the frames `a` never took.
    @Test func failoverWhenTheFirstIsKilledCarriesTheContext() async throws {
        // Answers each text with a context holding everything said so far; killed by the third.
        let script = """
            import json, os, sys
            said = []
            for line in sys.stdin:
                h = json.loads(line)
                if h.get("type") != "text":
                    continue
                if len(said) == 2:
                    os.kill(os.getpid(), 9)
                said.append(h["text"])
                print(json.dumps({"type": "context", "messages": [{"role": "user", "content": t} for t in said]}), flush=True)
            """
        let path = NSTemporaryDirectory() + "kill-on-third-\(UUID()).py"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let takeover = ContextReporter()
        let graph = try graph("python3 \(path) || takeover", ["takeover": takeover])
        let input = FrameChannel()
        let sink = GatedSink()
        let call = Task { try await graph.run(input: input, output: sink) }
        try await input.send(.event(.text("one")))
        try await input.send(.event(.text("two")))
        #expect(try await sink.wait { $0.filter { $0.event?.type == "context" }.count == 2 })
        try await input.feed([.event(.text("three")), .event(.text("four"))])
        try await call.value
        // b first heard a's last context, then the texts a never answered.
        #expect(takeover.heard.value == ["context:one,two", "text:three", "text:four"])
        let switched = sink.events.first { $0.type == "error" }
        #expect(switched?["message"]?.string?.contains("was killed by signal 9") == true)
        #expect(switched?["fatal"]?.bool == false)
    }

    /// A node that stops taking input for longer than the stall limit is replaced.
    @Test func failoverOnAStall() async throws {
        struct Stalls: Stage {
            let name = "stalls"
            func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
                for await frame in input {
                    try await output.send(frame)
                    try await Task.sleep(for: .seconds(3600))
                }
            }
        }
        let takeover = ContextReporter()
        var graph = try graph("stalls || takeover", ["stalls": Stalls(), "takeover": takeover], stall: .milliseconds(100))
        graph.edgeLimits = .init(count: 4)
        let input = FrameChannel()
        let sink = GatedSink()
        async let fed: Void = input.feed((0..<40).map { .event(.text("t\($0)")) })
        try await graph.run(input: input, output: sink)
        try await fed
        let heard = takeover.heard.value
        #expect(heard.last == "text:t39")
        #expect(heard.count >= 30, "b heard \(heard.count) of the frames a did not take")
        #expect(sink.events.contains { $0.type == "error" && $0["message"]?.string?.contains("took no input for") == true })
    }

    @Test func aFatalErrorSwitchesToo() async throws {
        struct GivesUp: Stage {
            let name = "gives-up"
            func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
                for await _ in input {
                    try await output.send(.error(stage: name, message: "provider gone", fatal: true))
                    for await _ in input {}
                }
            }
        }
        let takeover = ContextReporter()
        let graph = try graph("gives-up || takeover", ["gives-up": GivesUp(), "takeover": takeover])
        let input = FrameChannel()
        let sink = GatedSink()
        async let fed: Void = input.feed([.event(.text("a")), .event(.text("b"))])
        try await graph.run(input: input, output: sink)
        try await fed
        #expect(takeover.heard.value == ["text:a", "text:b"], "b answers the text a gave up on, and the next")
    }

    /// When the first does its job, the second never starts.
    @Test func noSwitchWhenTheFirstServes() async throws {
        let takeover = ContextReporter()
        let graph = try graph("a || takeover", ["a": PassThrough("a"), "takeover": takeover])
        let input = FrameChannel()
        let sink = GatedSink()
        async let fed: Void = input.feed([.event(.text("a")), .event(Event("stop"))])
        try await graph.run(input: input, output: sink)
        try await fed
        #expect(takeover.heard.value.isEmpty)
        #expect(!sink.events.contains { $0.type == "error" })
    }

    /// Cancelling a call kills its children and reaps them.
    @Test func cancellingKillsTheChild() async throws {
        let pidFile = NSTemporaryDirectory() + "child-\(UUID()).pid"
        let graph = try graph("sh -c 'echo $$ > \(pidFile); exec cat'")
        let input = FrameChannel()
        let call = Task { try await graph.run(input: input, output: GatedSink()) }
        var pid: Int32?
        for _ in 0..<500 where pid == nil {
            pid = (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            try await Task.sleep(for: .milliseconds(10))
        }
        let child = try #require(pid)
        #expect(kill(child, 0) == 0)
        call.cancel()
        _ = try? await call.value
        #expect(kill(child, 0) == -1 && errno == ESRCH, "the child is still there (or a zombie)")
        try? FileManager.default.removeItem(atPath: pidFile)
    }
}

/// Records what it is given: `context:<user messages>` or `text:<text>`.
struct ContextReporter: Stage {
    let name = "takeover"
    let heard = Heard()

    func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
        for await frame in input {
            guard let event = frame.event else { continue }
            if event.type == "context" {
                let users = event["messages"]?.array?.compactMap { $0.object?["content"]?.string } ?? []
                heard.append("context:" + users.joined(separator: ","))
            } else if event.type == "text" {
                heard.append("text:" + (event["text"]?.string ?? ""))
            }
            try await output.send(frame)
        }
    }

    final class Heard: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func append(_ item: String) { lock.withLock { items.append(item) } }
        var value: [String] { lock.withLock { items } }
    }
}
