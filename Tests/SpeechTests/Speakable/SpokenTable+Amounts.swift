@testable import Speech

/// Money, percentages and units.
extension SpokenTable {
    static let moneyEnglish = SpokenTable(rule: "money", language: "en", rows: [
        ("$12.50", "twelve dollars and fifty cents"),
        ("Your total is $12.50.", "Your total is twelve dollars and fifty cents."),
        ("$1 and $1.01 and $0.99 and $0.01", "one dollar and one dollar and one cent and ninety-nine cents and one cent"),
        ("$5.5", "five dollars and fifty cents"),
        ("$1.00", "one dollar"),
        ("₹1,200", "one thousand two hundred rupees"),
        ("₹1", "one rupee"),
        ("₹99.50", "ninety-nine rupees and fifty paise"),
        ("₹1,50,000", "one lakh fifty thousand rupees"),
        ("Rs. 500", "five hundred rupees"),
        ("Rs.500/- only", "five hundred rupees only"),
        ("Rs 500 or INR 750 or 750 INR", "five hundred rupees or seven hundred fifty rupees or seven hundred fifty rupees"),
        ("US$20 and USD 20", "twenty dollars and twenty dollars"),
        ("€5 and £3.20 and £1", "five euros and three pounds and twenty pence and one pound"),
        ("$2.5 million", "two point five million dollars"),
        ("$5k and $3M and $1.2bn", "five thousand dollars and three million dollars and one point two billion dollars"),
        ("₹5 lakh and ₹2 crore and ₹3Cr", "five lakh rupees and two crore rupees and three crore rupees"),
        ("$10-20 or $10-$20", "ten to twenty dollars or ten to twenty dollars"),
        ("₹500–1,000", "five hundred to one thousand rupees"),
        ("$1.234", "one point two three four dollars"),
        ("Rsvp 5", "Rsvp five"),
    ])

    static let moneyHindi = SpokenTable(rule: "money", language: "hi", rows: [
        ("कुल ₹1,200 है।", "कुल एक हज़ार दो सौ रुपये है।"),
        ("₹1", "एक रुपया"),
        ("₹99.50", "निन्यानवे रुपये पचास पैसे"),
        ("₹१२००", "एक हज़ार दो सौ रुपये"),
        ("Rs. 500", "पाँच सौ रुपये"),
        ("रु. 500 और रु 1,200", "पाँच सौ रुपये और एक हज़ार दो सौ रुपये"),
        ("500 रुपये", "पाँच सौ रुपये"),
        ("₹5 लाख", "पाँच लाख रुपये"),
        ("₹2 करोड़", "दो करोड़ रुपये"),
        ("$12.50", "बारह डॉलर पचास सेंट"),
        ("₹500-1,000", "पाँच सौ से एक हज़ार रुपये"),
    ])

    static let unitsEnglish = SpokenTable(rule: "units", language: "en", rows: [
        ("50%", "fifty percent"),
        ("3.5% interest", "three point five percent interest"),
        ("5 km away", "five kilometres away"),
        ("1 km and 1.5 km", "one kilometre and one point five kilometres"),
        ("3kg and 250 g and 500mg", "three kilograms and two hundred fifty grams and five hundred milligrams"),
        ("20°C", "twenty degrees Celsius"),
        ("-5 °C and 98.6°F and 1° C", "minus five degrees Celsius and ninety-eight point six degrees Fahrenheit and one degree Celsius"),
        ("90°", "ninety degrees"),
        ("2 L and 250 ml and 2l", "two litres and two hundred fifty millilitres and two litres"),
        ("60 km/h, 40 mph", "sixty kilometres per hour, forty miles per hour"),
        ("6 ft and 150 lbs", "six feet and one hundred fifty pounds"),
        ("2 hrs 30 min, 5h, 30s, 200 ms", "two hours thirty minutes, five hours, thirty seconds, two hundred milliseconds"),
        ("16 GB and 512 MB", "sixteen gigabytes and five hundred twelve megabytes"),
        ("110 mg/dL, 72 bpm, 120 mmHg", "one hundred ten milligrams per decilitre, seventy-two beats per minute, one hundred twenty millimetres of mercury"),
        ("5-10 km", "five to ten kilometres"),
        ("5 minutes and 3 grams", "five minutes and three grams"),
        ("Plan 2 h and 2 l", "Plan two h and two l"),
    ])

    static let unitsHindi = SpokenTable(rule: "units", language: "hi", rows: [
        ("50% छूट", "पचास प्रतिशत छूट"),
        ("5 km दूर", "पाँच किलोमीटर दूर"),
        ("३ kg", "तीन किलोग्राम"),
        ("20°C", "बीस डिग्री सेल्सियस"),
        ("1 hr और 2 hrs", "एक घंटा और दो घंटे"),
    ])
}
