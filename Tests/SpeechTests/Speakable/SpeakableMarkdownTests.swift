@testable import Speech
import Testing

/// Markdown and symbols: what a screen shows and a voice should not say.
@Suite struct SpeakableMarkdownTests {
    let speakable = SpeakableText()

    @Test func aTextOfEmojiLeavesNothing() {
        #expect(speakable.normalize("🎉🎉 👍") == "")
    }

    @Test func anUnclosedMarkIsLeftAsWritten() {
        #expect(speakable.normalize("Press [ to open, then ` to close.") == "Press [ to open, then to close.")
        #expect(speakable.normalize("If a < b and c > d") == "If a < b and c > d")
    }
}

extension SpokenTable {
    static let markdownEnglish = SpokenTable(rule: "markdown and symbols", language: "en", rows: [
        ("Your total is **due today**.", "Your total is due today."),
        ("This is *really* important.", "This is really important."),
        ("This is _really_ important, says snake_case.", "This is really important, says snake_case."),
        ("__Bold__ and ***both***.", "Bold and both."),
        ("## Opening hours", "Opening hours"),
        ("# Hours #\nWe open early.", "Hours.\nWe open early."),
        ("- Bring your card\n- Bring your letter", "Bring your card.\nBring your letter"),
        ("* Eggs\n+ Milk\n• Bread", "Eggs.\nMilk.\nBread"),
        ("1. Call us\n2) Come in", "Call us.\nCome in"),
        ("a) rice", "rice"),
        ("- [ ] Pack the bag", "Pack the bag"),
        ("> Quoted advice.", "Quoted advice."),
        ("[Book now](https://clinic.in/book) or call.", "Book now or call."),
        ("See ![the map](map.png \"Map\").", "See the map."),
        ("Read [the guide][1].\n[1]: https://clinic.in/guide", "Read the guide."),
        ("Use `reset` to start again.", "Use reset to start again."),
        ("Before\n```swift\nlet x = 1\n```\nAfter.", "Before\nAfter."),
        ("~~~\ncode\n~~~", ""),
        ("Now ~~late~~ early.", "Now early."),
        ("Hello<br>there, <b>friend</b>.", "Hello there, friend."),
        ("Above\n---\nBelow", "Above\nBelow"),
        ("| Day | Hours |\n|-----|:-----:|\n| Monday | closed |", "Day, Hours.\nMonday, closed"),
        ("Great job 🎉!", "Great job!"),
        ("👍 Done, see you ✅ soon.", "Done, see you soon."),
        ("Family 👨‍👩‍👧 and flags 🇮🇳 go.", "Family and flags go."),
        ("Press 1️⃣ now.", "Press one now."),
        ("Acme™ and Foo® ©Acme.", "Acme and Foo Acme."),
        ("A → B ★ C", "A B C"),
        ("A→B", "A B"),
        ("2 + 2 = 4", "two + two = four"),
        ("It's a 5* hotel \\ footnote†.", "It's a five hotel footnote."),
        ("#1 choice and #hashtag.", "number one choice and hashtag."),
        ("About ~5 people.", "About about five people."),
        ("Hello\u{00A0}there\u{200B}!", "Hello there!"),
    ])

    static let markdownHindi = SpokenTable(rule: "markdown and symbols", language: "hi", rows: [
        ("**कुल** राशि", "कुल राशि"),
        ("## समय\nहम नौ बजे खुलते हैं।", "समय।\nहम नौ बजे खुलते हैं।"),
        ("- कार्ड लाएँ\n- पत्र लाएँ", "कार्ड लाएँ।\nपत्र लाएँ"),
        ("[यहाँ बुक करें](https://clinic.in)", "यहाँ बुक करें"),
        ("धन्यवाद 🙏", "धन्यवाद"),
        ("क्‍ष और क्‌ष", "क्‍ष और क्‌ष"),
        ("#1 पसंद", "नंबर एक पसंद"),
    ])
}
