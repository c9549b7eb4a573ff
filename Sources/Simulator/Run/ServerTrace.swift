import Foundation
import SwitchboardCore
import Telephony

/// What a `switchboard serve` wrote about one call in its trace directory
/// (`trace_dir`, `CALLSID.trace.jsonl`): each turn's latency breakdown, what the agent said,
/// and whether it hung up or transferred. The simulator reads it after the call, as a person
/// testing a deployment would read the server's logs; the server never learns it was tested.
public struct ServerTrace: Sendable, Equatable {
    public struct Turn: Sendable, Equatable {
        public var turn: Int
        public var callerText: String?
        public var latencyMs: Double?
        public var stages: [StageSpan]
        /// The turn's audio left the server (turns cut before any audio did not).
        public var hadAudio: Bool
        public var interrupted: Bool
    }

    public var turns: [Turn] = []
    /// Sentences spoken, by turn, in order.
    public var spoken: [Int: [String]] = [:]
    /// `hangup` or `transfer`, if the agent ended the call.
    public var ending: String?
    public var transferTo: String?

    public init() {}

    /// The trace's file name for a call, as the server makes it.
    public static func fileName(callSid: String) -> String { CallFileName.stem(callSid) + ".trace.jsonl" }

    /// Reads the call's trace from `directory`. The server writes the last lines as the call
    /// closes, so this waits (up to `patience`) for the file to stop growing.
    public static func read(directory: String, callSid: String, patience: Duration = .seconds(5)) async throws -> ServerTrace? {
        let path = directory + "/" + fileName(callSid: callSid)
        let clock = ContinuousClock()
        let deadline = clock.now + patience
        var last: Data?
        while clock.now < deadline {
            let data = try? await BlockingWork.run { try Data(contentsOf: URL(fileURLWithPath: path)) }
            if let data, data == last { return ServerTrace(lines: data) }
            last = data
            try await Task.sleep(for: .milliseconds(250))
        }
        return last.map { ServerTrace(lines: $0) }
    }

    /// Parses the JSON lines; lines it does not understand are skipped (the trace may grow).
    public init(lines data: Data) {
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let object = try? JSONParser.parse(String(decoding: line, as: UTF8.self)).object else { continue }
            add(object)
        }
        turns.sort { $0.turn < $1.turn }
    }

    private mutating func add(_ line: JSONObject) {
        guard line["looped"]?.bool != true else { return }
        switch line["type"]?.string {
        case "turn":
            guard let turn = line["turn"]?.int else { return }
            let stages = line["stages"]?.object ?? [:]
            let spans = Self.stageOrder.compactMap { name in stages[name]?.double.map { StageSpan(name: name, ms: $0) } }
            turns.append(Turn(turn: turn, callerText: line["caller"]?.string, latencyMs: line["latency"]?.double, stages: spans,
                              hadAudio: line["at"]?.object?["first_audio"] != nil, interrupted: line["interrupted"]?.bool ?? false))
        case "spoken" where line["dir"]?.string == "out":
            guard let turn = line["turn"]?.int, let text = line["text"]?.string ?? line["said"]?.string else { return }
            spoken[turn, default: []].append(text)
        case "hangup" where line["dir"]?.string == "out":
            ending = ending ?? "hangup"
        case "transfer" where line["dir"]?.string == "out":
            ending = "transfer"
            transferTo = line["to"]?.string
        default:
            break
        }
    }

    /// The server's stages in chain order (its `TurnBreakdown`).
    static let stageOrder = ["endpointing", "stt.final_latency", "llm.ttft", "sentence.first", "tts.first_byte", "overhead"]
}
