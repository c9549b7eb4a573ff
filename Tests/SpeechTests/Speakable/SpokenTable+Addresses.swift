@testable import Speech

/// Phone numbers, e-mail and web addresses.
extension SpokenTable {
    static let phonesEnglish = SpokenTable(rule: "phone numbers", language: "en", rows: [
        ("+91 98765 43210", "plus nine one, nine eight seven six five, four three two one zero"),
        ("Call 555-0123.", "Call five five five, zero one two three."),
        ("(022) 2345 6789", "zero two two, two three four five, six seven eight nine"),
        ("1-800-555-0199", "one, eight zero zero, five five five, zero one nine nine"),
        ("555.123.4567", "five five five, one two three, four five six seven"),
        ("+1 (555) 123-4567", "plus one, five five five, one two three, four five six seven"),
        ("9876543210", "nine eight seven six five, four three two one zero"),
        ("PIN 110001, order 1234567", "PIN one one zero, zero zero one, order one two three, four five six seven"),
        ("011-23456789", "zero one one, two three four five six seven eight nine"),
        ("1000-2000 people", "one thousand to two thousand people"),
        ("100 200 300", "one hundred two hundred three hundred"),
    ])

    static let phonesHindi = SpokenTable(rule: "phone numbers", language: "hi", rows: [
        ("+91 98765 43210 पर कॉल करें।", "प्लस नौ एक, नौ आठ सात छह पाँच, चार तीन दो एक शून्य पर कॉल करें।"),
        ("९८७६५ ४३२१०", "नौ आठ सात छह पाँच, चार तीन दो एक शून्य"),
    ])

    static let addressesEnglish = SpokenTable(rule: "addresses", language: "en", rows: [
        ("help@clinic.in", "help at clinic dot in"),
        ("Write to help@clinic.in.", "Write to help at clinic dot in."),
        ("ravi.shah_2@mail.example.com", "ravi dot shah underscore two at mail dot example dot com"),
        ("https://www.clinic.in/book-now?x=1#top", "clinic dot in slash book dash now"),
        ("Visit clinic.in today.", "Visit clinic dot in today."),
        ("See http://example.xyz/a/.", "See example dot xyz slash a."),
        ("(see www.clinic.in)", "(see clinic dot in)"),
        ("Node.js, e.g. this, U.K. and Dr.Rao", "Node.js, e.g. this, U.K. and Dr.Rao"),
    ])

    static let addressesHindi = SpokenTable(rule: "addresses", language: "hi", rows: [
        ("help@clinic.in पर लिखें।", "help at clinic dot in पर लिखें।"),
        ("clinic.in देखें", "clinic dot in देखें"),
    ])
}
