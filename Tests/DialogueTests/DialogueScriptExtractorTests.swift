import Testing
@testable import Dialogue

/// Saturday 21 November 2026: every relative date below counts from it.
let scriptToday = CalendarDay(year: 2026, month: 11, day: 21)

/// The value of the whole text as one slot value, the way a placeholder or an answer reads it.
func expectedValue(_ extractor: any SlotExtractor, _ text: String) -> String? {
    extractor.value(of: Utterance(text).tokens[...], context: ExtractionContext(today: scriptToday, mode: .expected))
}

/// The first value found anywhere in the text.
func foundValue(_ extractor: any SlotExtractor, _ text: String, _ mode: ExtractionMode) -> String? {
    let utterance = Utterance(text)
    return extractor.find(in: utterance.tokens, skipping: [Bool](repeating: false, count: utterance.count),
                          context: ExtractionContext(today: scriptToday, mode: mode))?.value
}

@Suite struct DialogueScriptUtteranceTests {
    @Test(arguments: [
        ("It's 3pm, on the 5th!", ["its", "3", "pm", "on", "the", "5th"]),
        ("At 10:30 on 2026-12-01.", ["at", "10:30", "on", "2026-12-01"]),
        ("twenty-five", ["twenty", "five"]),
        ("Um, yes... uh, please", ["yes", "please"]),
        ("<sil> yes [noise]", ["yes"]),
        ("three p.m.", ["three", "p", "m"]),
        ("1,000 people", ["1000", "people"]),
        ("Don’t", ["dont"]),
        ("o'clock", ["oclock"]),
    ])
    func normalizes(_ text: String, _ words: [String]) {
        #expect(Utterance(text).words == words)
    }

    @Test func keepsTheSurfaceFormForFreeText() {
        #expect(Utterance("It's about my KNEE.").tokens.map(\.surface) == ["It's", "about", "my", "KNEE"])
    }

    @Test func numbersCompareAcrossSpellings() {
        #expect(Token(surface: "ten").matchKey == Token(surface: "10").matchKey)
        #expect(Token(surface: "ten").matchKey != Token(surface: "11").matchKey)
    }
}

@Suite struct DialogueScriptDateTests {
    @Test func todayIsASaturday() {
        #expect(scriptToday.weekday == 6)
    }

    @Test(arguments: [
        ("today", "2026-11-21"),
        ("tomorrow", "2026-11-22"),
        ("the day after tomorrow", "2026-11-23"),
        ("day after tomorrow", "2026-11-23"),
        ("monday", "2026-11-23"),
        ("next monday", "2026-11-23"),
        ("on friday", "2026-11-27"),
        ("saturday", "2026-11-28"),           // never today: the next one
        ("this sunday", "2026-11-22"),
        ("the 5th", "2026-12-05"),
        ("the fifth", "2026-12-05"),
        ("on the 3rd", "2026-12-03"),
        ("the 21st", "2026-11-21"),           // today counts for a day of the month
        ("the 31st", "2026-12-31"),           // November has no 31st
        ("5th of march", "2027-03-05"),
        ("march 5", "2027-03-05"),
        ("march fifth", "2027-03-05"),
        ("5 march", "2027-03-05"),
        ("the twenty first of december", "2026-12-21"),
        ("November 30th", "2026-11-30"),
        ("december 25 2027", "2027-12-25"),
        ("feb 29", "2028-02-29"),
        ("2026-12-01", "2026-12-01"),
    ])
    func reads(_ text: String, _ iso: String) {
        #expect(expectedValue(DateExtractor(), text) == iso)
    }

    @Test(arguments: ["march", "may i", "february 30", "the end", "thirty", "next", "2026-13-01"])
    func rejects(_ text: String) {
        #expect(expectedValue(DateExtractor(), text) == nil)
    }

    @Test func anOrdinalInPassingIsADateOnlyWithDigitsOrOnThe() {
        #expect(foundValue(DateExtractor(), "first i need the first thing", .incidental) == nil)
        #expect(foundValue(DateExtractor(), "can i come on the first", .incidental) == "2026-12-01")
        #expect(foundValue(DateExtractor(), "can i come the 1st", .incidental) == "2026-12-01")
        #expect(foundValue(DateExtractor(), "on second thought no", .incidental) == nil)
        #expect(foundValue(DateExtractor(), "i need an appointment tomorrow at ten", .incidental) == "2026-11-22")
    }

    @Test(arguments: [("2026-11-22", "Sunday 22 November"), ("2027-03-05", "Friday 5 March"), ("2026-12-31", "Thursday 31 December")])
    func isSaidBack(_ iso: String, _ spoken: String) {
        #expect(DateExtractor().spoken(iso) == spoken)
    }
}

@Suite struct DialogueScriptTimeTests {
    @Test(arguments: [
        ("ten", "10:00"), ("at ten", "10:00"), ("10", "10:00"), ("10:30", "10:30"), ("10.30", "10:30"),
        ("ten thirty", "10:30"), ("at ten thirty", "10:30"), ("ten oh five", "10:05"), ("10 45", "10:45"),
        ("half past ten", "10:30"), ("quarter to four", "15:45"), ("a quarter past nine", "09:15"),
        ("twenty to five", "16:40"), ("ten past eight", "08:10"),
        ("3 pm", "15:00"), ("3pm", "15:00"), ("three p m", "15:00"), ("3 p.m.", "15:00"), ("2:45 pm", "14:45"),
        ("11 am", "11:00"), ("12 am", "00:00"), ("12 pm", "12:00"),
        ("noon", "12:00"), ("midday", "12:00"), ("midnight", "00:00"),
        // A bare hour: 1–7 afternoon, 8–11 morning, 12 noon.
        ("one", "13:00"), ("two", "14:00"), ("seven", "19:00"), ("eight", "08:00"), ("eleven", "11:00"), ("twelve", "12:00"),
        ("twelve thirty", "12:30"),
        ("15:00", "15:00"), ("09:30", "09:30"), ("four o'clock", "16:00"), ("at 9 o clock", "09:00"),
        ("seven in the evening", "19:00"), ("eight in the evening", "20:00"), ("9 in the morning", "09:00"),
        ("around two this afternoon", "14:00"),
    ])
    func reads(_ text: String, _ time: String) {
        #expect(expectedValue(TimeExtractor(), text) == time)
    }

    @Test(arguments: ["13 pm", "ten people", "tomorrow", "25:00", "10:75", "half to ten", "thirteen"])
    func rejects(_ text: String) {
        #expect(expectedValue(TimeExtractor(), text) == nil)
    }

    @Test func inPassingATimeNeedsSomethingThatMakesItOne() {
        #expect(foundValue(TimeExtractor(), "i want to come tomorrow at ten", .incidental) == "10:00")
        #expect(foundValue(TimeExtractor(), "is 10:30 free", .incidental) == "10:30")
        #expect(foundValue(TimeExtractor(), "maybe half past two", .incidental) == "14:30")
        #expect(foundValue(TimeExtractor(), "i have ten questions", .incidental) == nil)
        #expect(foundValue(TimeExtractor(), "ten thirty", .incidental) == "10:30")  // an hour with its minutes
        #expect(foundValue(TimeExtractor(), "ten people", .incidental) == nil)
        #expect(foundValue(TimeExtractor(), "ten thirty", .expected) == "10:30")
    }

    @Test(arguments: [("10:00", "10 AM"), ("10:30", "10:30 AM"), ("12:00", "noon"), ("00:00", "midnight"),
                      ("15:45", "3:45 PM"), ("12:30", "12:30 PM"), ("09:05", "9:05 AM")])
    func isSaidBack(_ time: String, _ spoken: String) {
        #expect(TimeExtractor().spoken(time) == spoken)
    }
}

@Suite struct DialogueScriptNumberTests {
    @Test(arguments: [
        ("25", "25"), ("twenty five", "25"), ("twenty-five", "25"), ("three", "3"), ("zero", "0"), ("ninety", "90"),
        ("a hundred", "100"), ("one hundred and five", "105"), ("two thousand twenty six", "2026"),
        ("a thousand and one", "1001"), ("1,000", "1000"),
        ("nine hundred ninety nine thousand nine hundred ninety nine", "999999"),
    ])
    func reads(_ text: String, _ number: String) {
        #expect(expectedValue(NumberExtractor(), text) == number)
    }

    @Test(arguments: ["hundred", "a", "and five", "twenty twenty", "many"])
    func rejects(_ text: String) {
        #expect(expectedValue(NumberExtractor(), text) == nil)
    }

    @Test func isOnlyTakenWhenExpected() {
        #expect(foundValue(NumberExtractor(), "we are four people", .expected) == "4")
        #expect(foundValue(NumberExtractor(), "we are four people", .incidental) == nil)
    }
}

@Suite struct DialogueScriptYesNoTests {
    @Test(arguments: [
        ("yes", "yes"), ("Yes please.", "yes"), ("yeah sure", "yes"), ("that's right", "yes"), ("please do", "yes"),
        ("ok", "yes"), ("Okay!", "yes"), ("correct", "yes"), ("sounds good to me", "yes"),
        ("no", "no"), ("nope", "no"), ("No thanks.", "no"), ("that's not right", "no"), ("that's wrong", "no"),
        ("don't", "no"), ("yes no wait", "no"),
    ])
    func reads(_ text: String, _ answer: String) {
        #expect(foundValue(YesNoExtractor(), text, .expected) == answer)
    }

    @Test func neitherIsNil() {
        #expect(foundValue(YesNoExtractor(), "maybe later", .expected) == nil)
    }

    @Test func isOnlyTakenWhenExpected() {
        #expect(foundValue(YesNoExtractor(), "no idea", .incidental) == nil)
    }
}

@Suite struct DialogueScriptNameTests {
    let names = NameExtractor(values: ["Asha", "Ravi", "Mary Ann", "Mary"])

    @Test(arguments: [
        ("my name is asha", "Asha"), ("It's ASHA.", "Asha"), ("this is mary ann", "Mary Ann"), ("mary", "Mary"),
        ("ravi and asha", "Ravi"),
    ])
    func reads(_ text: String, _ name: String) {
        #expect(foundValue(names, text, .incidental) == name)
    }

    @Test func matchesWholeWordsOnly() {
        #expect(foundValue(names, "the ashanti file", .incidental) == nil)
        #expect(foundValue(names, "ravikumar", .incidental) == nil)
        #expect(foundValue(names, "ravikumar", .expected) == "Ravikumar", "asked for, an unknown word is a name")
    }
}

@Suite struct DialogueScriptTextTests {
    @Test func takesTheWordsAsSaid() {
        #expect(expectedValue(TextExtractor(), "My KNEE hurts!") == "My KNEE hurts")
        #expect(foundValue(TextExtractor(), "It's my knee", .expected) == "It's my knee")
        #expect(foundValue(TextExtractor(), "It's my knee", .incidental) == nil)
    }
}

@Suite struct DialogueScriptCalendarDayTests {
    @Test func isoRoundTripsAndRejectsImpossibleDays() {
        #expect(CalendarDay(iso: "2026-11-21") == scriptToday)
        #expect(scriptToday.iso == "2026-11-21")
        #expect(CalendarDay(iso: "2026-02-29") == nil)
        #expect(CalendarDay(iso: "2028-02-29")?.weekday == 2)
        #expect(CalendarDay(iso: "21-11-2026") == nil)
    }

    @Test func addingCrossesMonthsAndYears() {
        #expect(scriptToday.adding(days: 41).iso == "2027-01-01")
        #expect(scriptToday.adding(days: -21).iso == "2026-10-31")
        #expect(CalendarDay(year: 1970, month: 1, day: 1).weekday == 4)
        #expect(CalendarDay(year: 2026, month: 12, day: 1) > scriptToday)
    }
}
