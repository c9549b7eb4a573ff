import Foundation
import Testing

/// `switchboard run`: the in-process twin of the shell pipeline.
@Suite(.serialized) struct RunToolTests {
    /// The events of one kind (`vad` events, or the conversation's), traces left out: what two
    /// runs must agree on. Kinds made by different stages interleave by timing, in a pipeline
    /// as in a process; within a kind the order is the stages' own.
    func events(_ result: Tools.Result, vad: Bool) -> [String] {
        result.json.filter { ($0["type"] as? String == "vad") == vad && !["audio", "trace"].contains($0["type"] as? String) }.map {
            String(decoding: try! JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self)
        }
    }

    @Test func sameBytesAsThePipelineForAudio() async throws {
        let pipeline = try await Tools.sh("mulaw-decode -i Examples/call.wav --rate 8000 | vad --silence-ms 300")
        let run = try await Tools.sh("switchboard run 'mulaw-decode -i Examples/call.wav --rate 8000 | vad --silence-ms 300'")
        #expect(pipeline.status == 0 && run.status == 0, "\(run.stderr)")
        #expect(run.stdout == pipeline.stdout)
        #expect(run.json.contains { $0["type"] as? String == "vad" })
    }

    /// The whole front of a call: audio through vad, typed turns through the script engine and
    /// sentence-split. Audio and events interleave by timing; each, on its own, is the same.
    @Test func sameConversationAsThePipeline() async throws {
        // Barge-in off: whether caller speech cuts the greeting short depends on timing.
        let graph = "mulaw-decode --rate 8000 | vad | llm-stream --script Examples/receptionist.yaml --words-per-second 0 --today 2026-12-01 --barge-in-ms 60000 | sentence-split"
        // The call's audio without its `stop` (which would drop unanswered turns), then typed turns.
        let input = try await Tools.sh("mulaw-decode -i Examples/call.wav --rate 8000 --text | head -n -1; cat Examples/transcripts.txt").stdout
        let pipeline = try await Tools.sh(graph + " --text", stdin: input)
        let run = try await Tools.sh("switchboard run --text '\(graph)'", stdin: input)
        #expect(pipeline.status == 0 && run.status == 0, "\(run.stderr)")
        #expect(events(run, vad: false) == events(pipeline, vad: false))
        #expect(events(run, vad: true) == events(pipeline, vad: true))
        #expect(events(run, vad: false).filter { $0.contains(#""type":"response.end""#) }.count == 5, "greeting and four answers")
        let audio = { (r: Tools.Result) in r.json.filter { $0["type"] as? String == "audio" }.map { "\($0["ts"] ?? "")/\($0["len"] ?? $0["b64"] ?? "")" } }
        #expect(audio(run) == audio(pipeline))
    }

    /// A command that is not built in runs as a subprocess; the file is the pipeline's.
    @Test func subprocessNodeGivesThePipelinesFile() async throws {
        let pipelineFile = Tools.scratch + "/pipeline.wav"
        let runFile = Tools.scratch + "/run.wav"
        let pipeline = try await Tools.sh("mulaw-decode -i Examples/call.wav | python3 Examples/gain.py 0.5 | mulaw-encode -o \(pipelineFile)")
        let run = try await Tools.sh("switchboard run 'mulaw-decode -i Examples/call.wav | python3 Examples/gain.py 0.5 | mulaw-encode -o \(runFile)'")
        #expect(pipeline.status == 0 && run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.contents(atPath: runFile) == FileManager.default.contents(atPath: pipelineFile))
    }

    @Test(arguments: [
        ("vad |", 64, "graph, character 5: expected a command after '|'"),
        ("vad --aggressiveness 9", 64, "vad: --aggressiveness must be 0, 1, 2 or 3, not 9"),
        ("llm-stream --script no-such.yaml", 78, "no-such.yaml"),
        ("vad | no-such-command", 69, "cannot start no-such-command"),
        ("vad | python3 -c 'import sys; sys.exit(3)'", 70, "exited with status 3"),
    ])
    func failuresExitWithTheirStatus(_ graph: String, _ status: Int32, _ message: String) async throws {
        let result = try await Tools.sh("echo hi | switchboard run \"\(graph)\"")
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func closedPipeIsAQuietEnd() async throws {
        let result = try await Tools.sh("switchboard run 'mulaw-decode -i Examples/call.wav | vad' | head -c 100 > /dev/null")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    /// With --loop-marks the graph is a ring: agent audio plays on a real-time clock, marks
    /// come back after it, and caller audio does not come out.
    @Test func loopMarksEchoesMarksAfterTheAudio() async throws {
        // One sentence of 500 ms of agent audio, its spoken event and its mark.
        let agent = """
            import json, sys
            for line in sys.stdin:
                h = json.loads(line)
                print(json.dumps(h), flush=True)
                if h.get("type") == "mark":
                    print(json.dumps({"type": "heard", "name": h["name"]}), flush=True)
                if h.get("type") == "text":
                    print(json.dumps({"type": "audio", "codec": "mulaw", "rate": 8000, "ts": 0, "turn": 1, "b64": "/" * 5336}), flush=True)
                    print(json.dumps({"type": "spoken", "turn": 1, "index": 0, "text": "Hello."}), flush=True)
            """
        let script = Tools.scratch + "/agent.py"
        try agent.write(toFile: script, atomically: true, encoding: .utf8)
        let started = Date()
        let result = try await Tools.sh("echo hi | switchboard run --text --loop-marks --linger-ms 2500 'python3 \(script) | mulaw-encode'")
        #expect(result.status == 0, "\(result.stderr)")
        let types = result.json.map { $0["type"] as? String ?? "" }
        #expect(types.contains("audio"))
        // The echo went into the first node (which said so); mulaw-encode ends echoes.
        #expect(result.json.contains { $0["type"] as? String == "heard" && $0["name"] as? String == "t1.s0" })
        #expect(result.json.filter { $0["type"] as? String == "spoken" }.count == 1, "a fed-back spoken is not written twice")
        #expect(Date().timeIntervalSince(started) >= 0.5, "the mark came back before its audio had played")
    }
}
