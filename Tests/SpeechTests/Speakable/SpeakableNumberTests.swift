@testable import Speech
import Testing

/// Numbers with nothing more specific around them: cardinals, decimals, ordinals, years,
/// ranges, signs, codes.
@Suite struct SpeakableNumberTests {
    let speakable = SpeakableText()

    /// Devanagari is spoken the Hindi way whatever the voice; a Hindi voice says numbers in
    /// Hindi in Latin text too.
    @Test func theLanguageFollowsTheScriptAndTheVoice() {
        #expect(speakable.normalize("मेरे पास 12 किताबें हैं।") == "मेरे पास बारह किताबें हैं।")
        #expect(speakable.normalize("Room १२") == "Room बारह")
        #expect(speakable.normalize("Room 12", language: "hi") == "Room बारह")
        #expect(speakable.normalize("Room 12", language: "hi-IN") == "Room बारह")
        #expect(speakable.normalize("Room 12", language: "en-us") == "Room twelve")
    }

    @Test(arguments: [
        (0, "zero"), (7, "seven"), (15, "fifteen"), (20, "twenty"), (42, "forty-two"), (99, "ninety-nine"),
        (100, "one hundred"), (101, "one hundred one"), (999, "nine hundred ninety-nine"), (1000, "one thousand"),
        (1200, "one thousand two hundred"), (100_000, "one hundred thousand"), (1_000_001, "one million one"),
        (2_500_000_000, "two billion five hundred million"), (-3, "minus three"),
    ])
    func englishCardinals(_ n: Int, _ words: String) {
        #expect(EnglishNumberWords.cardinal(n) == words)
    }

    @Test(arguments: [(100_000, "one lakh"), (150_000, "one lakh fifty thousand"), (10_000_000, "one crore"),
                      (12_345_678, "one crore twenty-three lakh forty-five thousand six hundred seventy-eight")])
    func englishCardinalsInLakhsAndCrores(_ n: Int, _ words: String) {
        #expect(EnglishNumberWords.cardinal(n, indian: true) == words)
    }

    @Test(arguments: [(1, "first"), (2, "second"), (3, "third"), (5, "fifth"), (8, "eighth"), (9, "ninth"), (12, "twelfth"),
                      (20, "twentieth"), (21, "twenty-first"), (100, "one hundredth"), (1000, "one thousandth")])
    func englishOrdinals(_ n: Int, _ words: String) {
        #expect(EnglishNumberWords.ordinal(n) == words)
    }

    @Test(arguments: [(1999, "nineteen ninety-nine"), (1905, "nineteen oh five"), (1900, "nineteen hundred"),
                      (2000, "two thousand"), (2009, "two thousand nine"), (2010, "twenty ten"), (2026, "twenty twenty-six"),
                      (1066, "ten sixty-six"), (1005, "ten oh five"), (2100, "twenty-one hundred")])
    func englishYears(_ n: Int, _ words: String) {
        #expect(EnglishNumberWords.year(n) == words)
    }

    @Test(arguments: [
        (0, "शून्य"), (5, "पाँच"), (12, "बारह"), (22, "बाईस"), (44, "चवालीस"), (67, "सड़सठ"), (79, "उन्यासी"), (99, "निन्यानवे"),
        (100, "एक सौ"), (123, "एक सौ तेईस"), (1000, "एक हज़ार"), (1200, "एक हज़ार दो सौ"), (100_000, "एक लाख"),
        (250_000, "दो लाख पचास हज़ार"), (10_000_000, "एक करोड़"), (1_000_000_000, "एक सौ करोड़"), (-2, "माइनस दो"),
    ])
    func hindiCardinals(_ n: Int, _ words: String) {
        #expect(HindiNumberWords.cardinal(n) == words)
    }

    @Test func hindiHasAWordForEveryNumberBelowAHundred() {
        #expect(HindiNumberWords.belowHundred.count == 100)
        #expect(Set(HindiNumberWords.belowHundred).count == 100)
    }

    @Test(arguments: [(1, "पहला"), (2, "दूसरा"), (3, "तीसरा"), (4, "चौथा"), (5, "पाँचवाँ"), (6, "छठा"), (10, "दसवाँ")])
    func hindiOrdinals(_ n: Int, _ words: String) {
        #expect(HindiNumberWords.ordinal(n) == words)
    }

    @Test(arguments: [(1999, "उन्नीस सौ निन्यानवे"), (1900, "उन्नीस सौ"), (2026, "दो हज़ार छब्बीस")])
    func hindiYears(_ n: Int, _ words: String) {
        #expect(HindiNumberWords.year(n) == words)
    }
}

extension SpokenTable {
    static let numbersEnglish = SpokenTable(rule: "numbers", language: "en", rows: [
        ("42", "forty-two"),
        ("There are 7 rooms.", "There are seven rooms."),
        ("We saw 100 and 101 and 110 patients.", "We saw one hundred and one hundred one and one hundred ten patients."),
        ("1,200 people", "one thousand two hundred people"),
        ("1,000,000 calls", "one million calls"),
        ("1,50,000 and 2,00,00,000", "one lakh fifty thousand and two crore"),
        ("3.5", "three point five"),
        ("0.75 and 2.50", "zero point seven five and two point five zero"),
        ("It is -5 today, +3 tomorrow.", "It is minus five today, plus three tomorrow."),
        ("COVID-19", "COVID-nineteen"),
        ("1st, 2nd, 3rd, 4th, 11th, 22nd, 101st", "first, second, third, fourth, eleventh, twenty-second, one hundred first"),
        ("It opened in 1999 and closed in 2005.", "It opened in nineteen ninety-nine and closed in two thousand five."),
        ("since 1905, by 2030, until 2000", "since nineteen oh five, by twenty thirty, until two thousand"),
        ("We have 2026 beds.", "We have two thousand twenty-six beds."),
        ("2020-2024", "twenty twenty to twenty twenty-four"),
        ("The 1990s and the 80s and the '60s.", "The nineteen nineties and the eighties and the 'sixties."),
        ("Open 9-5.", "Open nine to five."),
        ("Ages 10–12 and 3 – 4.", "Ages ten to twelve and three to four."),
        ("Pages 10 - 12.", "Pages ten - twelve."),
        ("Version 1.2.3", "Version one point two point three"),
        ("Server 192.168.1.10", "Server one hundred ninety-two dot one hundred sixty-eight dot one dot ten"),
        ("Take vitamin B12 and 4G.", "Take vitamin B twelve and four G."),
        ("Booking ABC123.", "Booking ABC one two three."),
        ("Room 007 and 05.", "Room zero zero seven and zero five."),
        ("Take 1/2 cup and 3/4 of it and 2/3 and 1/4 and 1/3.", "Take one half cup and three quarters of it and two thirds and one quarter and one third."),
        ("BP 120/80 and 24/7 care, 50/50.", "BP one hundred twenty over eighty and twenty-four seven care, fifty-fifty."),
        ("99999999999999999999", "nine nine nine nine nine nine nine nine nine nine nine nine nine nine nine nine nine nine nine nine"),
    ])

    static let numbersHindi = SpokenTable(rule: "numbers", language: "hi", rows: [
        ("१२", "बारह"),
        ("मेरे पास १२ किताबें हैं।", "मेरे पास बारह किताबें हैं।"),
        ("१२३ और ९९ और १००", "एक सौ तेईस और निन्यानवे और एक सौ"),
        ("1,200 लोग", "एक हज़ार दो सौ लोग"),
        ("१,५०,००० लोग", "एक लाख पचास हज़ार लोग"),
        ("2,00,00,000", "दो करोड़"),
        ("3.5 किलो", "तीन दशमलव पाँच किलो"),
        ("-5 डिग्री", "माइनस पाँच डिग्री"),
        ("उसकी 5वीं कक्षा", "उसकी पाँचवीं कक्षा"),
        ("1st floor", "पहला floor"),
        ("सन 1999 में", "सन उन्नीस सौ निन्यानवे में"),
        ("2026 में", "दो हज़ार छब्बीस में"),
        ("9-5 खुला", "नौ से पाँच खुला"),
        ("1/2 किलो और 3/4 और 5/40", "आधा किलो और तीन चौथाई और पाँच बटा चालीस"),
    ])
}
