@testable import Speech

/// Times of day and dates.
extension SpokenTable {
    static let timesEnglish = SpokenTable(rule: "times", language: "en", rows: [
        ("10:30", "ten thirty"),
        ("See you at 10:30 am.", "See you at ten thirty AM."),
        ("at 9 p.m.", "at nine PM."),
        ("at 9 p.m. Dr. Rao called", "at nine PM Dr. Rao called"),
        ("9pm, 9 PM, 9 A.M., 11am", "nine PM, nine PM, nine AM, eleven AM"),
        ("10:00 and 10:05 and 10:00 am", "ten o'clock and ten oh five and ten AM"),
        ("14:30 and 00:15 and 12:00", "two thirty PM and twelve fifteen AM and twelve o'clock"),
        ("10.30 am", "ten thirty AM"),
        ("9am-5pm and 10:00–12:00", "nine AM to five PM and ten o'clock to twelve o'clock"),
        ("at 9 I will", "at nine I will"),
        ("25:00", "twenty-five:zero zero"),
    ])

    static let timesHindi = SpokenTable(rule: "times", language: "hi", rows: [
        ("10:30 बजे", "साढ़े दस बजे"),
        ("10:00", "दस बजे"),
        ("10:15 और 10:45", "सवा दस बजे और पौने ग्यारह बजे"),
        ("1:30 और 2:30", "डेढ़ बजे और ढाई बजे"),
        ("10:20", "दस बजकर बीस मिनट"),
        ("9:15 pm", "रात सवा नौ बजे"),
        ("शाम 5:45 pm", "शाम पौने छह बजे"),
        ("7 am", "सुबह सात बजे"),
        ("14:00", "दोपहर दो बजे"),
        ("१०:३०", "साढ़े दस बजे"),
    ])

    static let datesEnglish = SpokenTable(rule: "dates", language: "en", rows: [
        ("due 22/11.", "due the twenty-second of November."),
        ("2026-11-22", "the twenty-second of November twenty twenty-six"),
        ("22/11/2026 and 22-11-2026 and 22.11.2026", "the twenty-second of November twenty twenty-six and the twenty-second of November twenty twenty-six and the twenty-second of November twenty twenty-six"),
        ("01/02/26", "the first of February twenty twenty-six"),
        ("On 3/4 we meet.", "On the third of April we meet."),
        ("12/25 is Christmas.", "the twenty-fifth of December is Christmas."),
        ("1/2 but due 1/2", "one half but due the first of February"),
        ("31/4", "thirty-one over four"),
        ("Nov 22, 2026", "November twenty-second, twenty twenty-six"),
        ("November 22nd", "November twenty-second"),
        ("Sunday 22 November", "Sunday the twenty-second of November"),
        ("22nd of Nov.", "the twenty-second of November."),
        ("1 Sept 2026", "the first of September twenty twenty-six"),
        ("since March 2020", "since March twenty twenty"),
        ("you may 5 times", "you may five times"),
        ("2026-11-22T10:30:00", "the twenty-second of November twenty twenty-six, ten thirty"),
    ])

    static let datesHindi = SpokenTable(rule: "dates", language: "hi", rows: [
        ("22/11 को", "बाईस नवंबर को"),
        ("२२/११/२०२६", "बाईस नवंबर दो हज़ार छब्बीस"),
        ("2026-11-22 को", "बाईस नवंबर दो हज़ार छब्बीस को"),
        ("1/3/1999", "एक मार्च उन्नीस सौ निन्यानवे"),
        ("Nov 22", "बाईस नवंबर"),
        ("22 नवंबर", "बाईस नवंबर"),
    ])
}
