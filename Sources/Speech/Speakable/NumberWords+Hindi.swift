/// Numbers in Hindi words. Hindi names every number below a hundred with a word of its own
/// (२२ is "बाईस", not "बीस दो"), so they are one table; above it, the Indian scales: सौ,
/// हज़ार, लाख, करोड़ ("एक लाख पचास हज़ार").
enum HindiNumberWords {
    static let belowHundred = [
        "शून्य", "एक", "दो", "तीन", "चार", "पाँच", "छह", "सात", "आठ", "नौ",
        "दस", "ग्यारह", "बारह", "तेरह", "चौदह", "पंद्रह", "सोलह", "सत्रह", "अठारह", "उन्नीस",
        "बीस", "इक्कीस", "बाईस", "तेईस", "चौबीस", "पच्चीस", "छब्बीस", "सत्ताईस", "अट्ठाईस", "उनतीस",
        "तीस", "इकतीस", "बत्तीस", "तैंतीस", "चौंतीस", "पैंतीस", "छत्तीस", "सैंतीस", "अड़तीस", "उनतालीस",
        "चालीस", "इकतालीस", "बयालीस", "तैंतालीस", "चवालीस", "पैंतालीस", "छियालीस", "सैंतालीस", "अड़तालीस", "उनचास",
        "पचास", "इक्यावन", "बावन", "तिरपन", "चौवन", "पचपन", "छप्पन", "सत्तावन", "अट्ठावन", "उनसठ",
        "साठ", "इकसठ", "बासठ", "तिरसठ", "चौंसठ", "पैंसठ", "छियासठ", "सड़सठ", "अड़सठ", "उनहत्तर",
        "सत्तर", "इकहत्तर", "बहत्तर", "तिहत्तर", "चौहत्तर", "पचहत्तर", "छिहत्तर", "सतहत्तर", "अठहत्तर", "उन्यासी",
        "अस्सी", "इक्यासी", "बयासी", "तिरासी", "चौरासी", "पचासी", "छियासी", "सत्तासी", "अट्ठासी", "नवासी",
        "नब्बे", "इक्यानवे", "बानवे", "तिरानवे", "चौरानवे", "पंचानवे", "छियानवे", "सत्तानवे", "अट्ठानवे", "निन्यानवे",
    ]
    private static let scales = [(10_000_000, "करोड़"), (100_000, "लाख"), (1000, "हज़ार"), (100, "सौ")]
    private static let ordinals = [1: "पहला", 2: "दूसरा", 3: "तीसरा", 4: "चौथा", 6: "छठा"]

    static func cardinal(_ n: Int) -> String {
        if n < 0 { return "माइनस " + cardinal(n == Int.min ? Int.max : -n) }
        if n < 100 { return belowHundred[n] }
        for (scale, name) in scales where n >= scale {
            let rest = n % scale
            return cardinal(n / scale) + " " + name + (rest == 0 ? "" : " " + cardinal(rest))
        }
        return String(n)
    }

    /// 1 → "पहला", 5 → "पाँचवाँ" (the masculine form, which a bare ordinal takes).
    static func ordinal(_ n: Int) -> String {
        ordinals[n] ?? cardinal(n) + "वाँ"
    }

    /// 1999 → "उन्नीस सौ निन्यानवे", as years before 2000 are said; later ones are cardinals
    /// ("दो हज़ार छब्बीस").
    static func year(_ n: Int) -> String {
        guard (1100...1999).contains(n) else { return cardinal(n) }
        return belowHundred[n / 100] + " सौ" + (n % 100 == 0 ? "" : " " + belowHundred[n % 100])
    }

    /// `digits`: ASCII digits, as readers hand them over.
    static func digits(_ digits: String) -> String {
        digits.utf8.map { belowHundred[Int($0 &- 48) % 10] }.joined(separator: " ")
    }
}
