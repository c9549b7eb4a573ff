import SwitchboardCore

/// The JSON lines of a call's trace and transcript files.
///
/// Trace lines carry `t`, the supervisor's clock (ms since the call started, to a tenth), and
/// `dir` (`in`: from the telephone side into the graph; `out`: leaving it), then the event as
/// it was. Audio gets a line only where it matters (the caller's first packet, each agent
/// turn's first frame): fifty lines a second would bury the events. A `context` snapshot is
/// summarised (its message count), and any line past `maxLineBytes` is cut to its type, so
/// one event cannot balloon the file.
enum ObservationLines {
    static let maxLineBytes = 16 << 10

    static func header(_ call: CallIdentity) -> [UInt8] {
        var line: JSONObject = ["type": "call", "call": .string(call.id), "started": .int(call.startedAtMs)]
        line["tenant"] = call.tenant.map(JSON.string)
        return encode(line)
    }

    static func event(_ event: Event, direction: String, at callMs: Double) -> [UInt8] {
        var line = JSONObject(capacity: event.fields.count + 3)
        line["t"] = TurnBreakdown.json(callMs)
        line["dir"] = .string(direction)
        line["type"] = .string(event.type)
        for (key, value) in event.fields {
            if event.type == "context", key == "messages" {
                line["messages"] = .int(value.array?.count ?? 0)
            } else {
                line[key] = value
            }
        }
        let bytes = encode(line)
        guard bytes.count > maxLineBytes else { return bytes }
        return encode(["t": TurnBreakdown.json(callMs), "dir": .string(direction), "type": .string(event.type), "truncated": true])
    }

    /// The first audio of a side or a turn; `ms` is where it sits in the recording.
    static func audio(_ audio: AudioFrame, direction: String, at callMs: Double, playsAtMs: Double?) -> [UInt8] {
        var line: JSONObject = ["t": TurnBreakdown.json(callMs), "dir": .string(direction), "type": "audio", "ts": .int(audio.ts)]
        line["turn"] = audio.turn.map(JSON.int)
        line["plays"] = playsAtMs.map(TurnBreakdown.json)
        return encode(line)
    }

    /// An interrupt's effect on the recording: how much queued agent audio was never heard.
    static func dropped(agentMs: Double, at callMs: Double) -> [UInt8] {
        encode(["t": TurnBreakdown.json(callMs), "type": "clear", "dropped_ms": TurnBreakdown.json(agentMs)])
    }

    static func turn(_ breakdown: TurnBreakdown, at callMs: Double) -> [UInt8] { encode(breakdown.jsonLine(at: callMs)) }

    /// `{"who":"caller"|"agent","text":…,"ms":…}`; `ms` is where the words begin in the recording.
    static func transcript(who: String, text: String, ms: Double) -> [UInt8] {
        encode(["who": .string(who), "text": .string(text), "ms": .int(Int(ms.rounded()))])
    }

    private static func encode(_ object: JSONObject) -> [UInt8] {
        var out: [UInt8] = []
        JSONWriter.write(object, into: &out)
        out.append(UInt8(ascii: "\n"))
        return out
    }
}
