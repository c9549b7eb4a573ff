import Dialogue
import SwitchboardCore

/// How `llm-stream eval` prints its scores: a table for people, JSON lines for scripts.
enum EvalTable {
    static func text(_ rows: [(name: String, score: DialogueScore)], mode: String) -> String {
        let width = max(10, rows.map(\.name.count).max() ?? 0)
        func pad(_ text: String, _ n: Int) -> String { text + String(repeating: " ", count: max(0, n - text.count)) }
        func cell(_ tally: DialogueScore.Tally) -> String {
            guard let percent = tally.percent else { return pad("—", 18) }
            return pad("\(String(format: "%5.1f", percent)) % \(tally.right)/\(tally.total)", 18)
        }
        var lines = [pad("cases", width) + "  mode   " + ["intent", "slots", "utterances", "calls", "bookings"].map { pad($0, 18) }.joined()]
        for (name, score) in rows {
            lines.append(pad(name, width) + "  " + pad(mode, 7)
                + [score.intents, score.slots, score.utterances, score.calls, score.bookings].map(cell).joined())
        }
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n") + "\n"
    }

    static func json(_ rows: [(name: String, score: DialogueScore)], mode: String) -> String {
        func tally(_ t: DialogueScore.Tally) -> JSON { ["right": .int(t.right), "total": .int(t.total)] }
        return rows.map { name, score in
            JSONWriter.string([
                "cases": .string(name), "mode": .string(mode), "intent": tally(score.intents), "slots": tally(score.slots),
                "utterances": tally(score.utterances), "calls": tally(score.calls), "bookings": tally(score.bookings),
            ] as JSON)
        }.joined(separator: "\n") + "\n"
    }
}
