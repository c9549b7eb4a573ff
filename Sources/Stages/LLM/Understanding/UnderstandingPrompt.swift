import Dialogue
import Providers

/// The messages that ask an LLM to read one caller utterance: a system message describing the
/// task and the state's menu, then the utterance as the user message.
///
/// The model is told the date and weekday because callers say "Friday" and "the 12th", and
/// the current slot values because "make it four instead" corrects one.
enum UnderstandingPrompt {
    static func messages(for utterance: String, choices: UnderstandingChoices, today: CalendarDay) -> [ChatMessage] {
        [ChatMessage(role: "system", content: system(choices: choices, today: today)), ChatMessage(role: "user", content: utterance)]
    }

    static func system(choices: UnderstandingChoices, today: CalendarDay) -> String {
        var lines = [
            "You read what a caller said to a phone receptionist and report what they want. You do not answer the caller.",
            "Today is \(today.weekdayName) \(today.iso).",
            "The conversation is in the step \"\(choices.state)\"" + (choices.asked.map { " and has just asked for the \($0)." } ?? "."),
            "",
            "Intents (choose the one the caller means, or null if none fits):",
        ]
        for intent in choices.intents {
            let examples = intent.examples.prefix(6).map { "\"\($0)\"" }.joined(separator: ", ")
            lines.append("- \(intent.name)" + (examples.isEmpty ? "" : ": for example \(examples)"))
        }
        if !choices.slots.isEmpty {
            lines += ["", "Slots (fill one only with what the caller said in this utterance; null otherwise):"]
            for slot in choices.slots {
                var line = "- \(slot.name): \(slot.format)"
                if !slot.values.isEmpty { line += "; names we know: \(slot.values.joined(separator: ", ")) (others are fine)" }
                if let current = slot.current { line += "; now \(current), which the caller may be correcting" }
                lines.append(line)
            }
        }
        lines += ["", "Answer only with JSON in the given schema."]
        return lines.joined(separator: "\n")
    }
}
