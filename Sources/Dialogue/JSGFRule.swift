/// One rule of a JSGF grammar: `<name> = alternative | alternative;`.
struct JSGFRule {
    var name: String
    var alternatives: [String]

    var text: String { "<\(name)> = " + alternatives.joined(separator: " | ") + ";" }
}

extension JSGFRule {
    /// The rules behind `<type_…>`, in the words the extractors read.
    static func builtIn(for type: SlotType) -> [JSGFRule] {
        let units = (1...9).map(NumberWords.spell)
        switch type {
        case .number:
            return [
                JSGFRule(name: "type_number", alternatives: ["<number_below_thousand> [thousand [[and] <number_below_thousand>]]", "a thousand [[and] <number_below_thousand>]"]),
                JSGFRule(name: "number_below_thousand", alternatives: ["<number_below_hundred>", "(<number_unit> | a) hundred [[and] <number_below_hundred>]"]),
                JSGFRule(name: "number_below_hundred", alternatives: NumberWords.small + ["<number_tens> [<number_unit>]"]),
                JSGFRule(name: "number_tens", alternatives: Array(NumberWords.tens.dropFirst(2))),
                JSGFRule(name: "number_unit", alternatives: units),
            ]
        case .date:
            return [
                JSGFRule(name: "type_date", alternatives: ["[on | for] (today | tomorrow | [the] day after tomorrow | [next | this | coming] <date_weekday>"
                    + " | [the] <date_ordinal> [of <date_month>] | <date_month> [the] <date_ordinal> | <date_month> <date_number>"
                    + " | <date_number> [of] <date_month>)"]),
                JSGFRule(name: "date_weekday", alternatives: DateExtractor.weekdays),
                JSGFRule(name: "date_month", alternatives: DateExtractor.months),
                JSGFRule(name: "date_ordinal", alternatives: (1...31).map(NumberWords.spellOrdinal)),
                JSGFRule(name: "date_number", alternatives: (1...31).map(NumberWords.spell)),
            ]
        case .time:
            return [
                JSGFRule(name: "type_time", alternatives: ["[at | around] (noon | midday | midnight"
                    + " | <time_hour> [<time_minutes>] [o'clock] [<time_period>]"
                    + " | <time_offset> (past | to) <time_hour> [<time_period>])"]),
                JSGFRule(name: "time_hour", alternatives: (1...12).map(NumberWords.spell)),
                JSGFRule(name: "time_minutes", alternatives: ["oh (" + units.joined(separator: " | ") + ")"] + (10...59).map(NumberWords.spell)),
                JSGFRule(name: "time_offset", alternatives: ["[a] quarter", "half", "five", "ten", "twenty", "twenty five"]),
                JSGFRule(name: "time_period", alternatives: ["a m", "p m", "in the morning", "in the afternoon", "in the evening"]),
            ]
        case .yesno:
            return [JSGFRule(name: "type_yesno", alternatives: YesNoExtractor.grammarPhrases)]
        case .name, .text:
            return []
        }
    }
}
