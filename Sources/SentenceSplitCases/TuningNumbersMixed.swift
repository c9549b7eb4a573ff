/// Numbers, addresses, layout and mixed-language answers: the tuning table's last part.
extension SplitCase {
    static let tuningNumbers: [SplitCase] = [
        SplitCase("It costs ₹1,200. ⁁Pay now.", ["It costs ₹1,200.", "Pay now."]),
        SplitCase("The fee is 500. P⁁lease pay.", ["The fee is 500.", "Please pay."]),
        SplitCase("Call 98450 12345. T⁁hanks.", ["Call 98450 12345.", "Thanks."]),
        SplitCase("Call +91 98450 12345. T⁁hank you.", ["Call +91 98450 12345.", "Thank you."]),
        SplitCase("It is 3.5 km away.", ["It is 3.5 km away."]),
        SplitCase("Meet at 10:30. ⁁OK?", ["Meet at 10:30.", "OK?"]),
        SplitCase("It happened in 2019. T⁁hen it stopped.", ["It happened in 2019.", "Then it stopped."]),
        SplitCase("Score: 9.5/10. ⁁Great.", ["Score: 9.5/10.", "Great."]),
        SplitCase("Add 2.5 kg. ⁁Stir well.", ["Add 2.5 kg.", "Stir well."]),
        SplitCase("The rate is 7.25%. ⁁Fixed.", ["The rate is 7.25%.", "Fixed."]),
        SplitCase("Take 2 tabs. ⁁Then rest.", ["Take 2 tabs.", "Then rest."]),
        SplitCase("Pay ₹ 1,250.50 today.", ["Pay ₹ 1,250.50 today."]),
        SplitCase("We open at 9. W⁁e close at 5.", ["We open at 9.", "We close at 5."]),
        SplitCase("Aisle 5. T⁁urn left.", ["Aisle 5.", "Turn left."]),
        SplitCase("Room no. 12 is free.", ["Room no. 12 is free."]),
        SplitCase("It is 6 p.m. here.", ["It is 6 p.m. here."]),
        SplitCase("कुल 500 रुपये हैं। ⁁धन्यवाद।", ["कुल 500 रुपये हैं।", "धन्यवाद।"]),
        SplitCase("आपका टोकन 42 है। ⁁कृपया बैठिए।", ["आपका टोकन 42 है।", "कृपया बैठिए।"]),
    ]

    static let tuningAddresses: [SplitCase] = [
        SplitCase("Visit clinic.in/help. ⁁Thanks.", ["Visit clinic.in/help.", "Thanks."]),
        SplitCase("Email ravi.shah@mail.com now.", ["Email ravi.shah@mail.com now."]),
        SplitCase("The file is report.v2.pdf.", ["The file is report.v2.pdf."]),
        SplitCase("The code is A.1.2 now.", ["The code is A.1.2 now."]),
        SplitCase("Go to https://clinic.in/a.b?c=d. ⁁Thanks.", ["Go to https://clinic.in/a.b?c=d.", "Thanks."]),
        SplitCase("मेरा ईमेल ravi@clinic.in है। ⁁धन्यवाद।", ["मेरा ईमेल ravi@clinic.in है।", "धन्यवाद।"]),
    ]

    static let tuningMixed: [SplitCase] = [
        SplitCase("  Hello there.  ⁁How are you?  ", ["Hello there.", "How are you?"]),
        SplitCase("Hi!\n⁁\nBye.", ["Hi!", "Bye."]),
        SplitCase("Yes.\n⁁No.", ["Yes.", "No."]),
        SplitCase("Thank you!", ["Thank you!"]),
        SplitCase("Sure! I⁁ can do that. ⁁Anything else?", ["Sure!", "I can do that.", "Anything else?"]),
        SplitCase("जी हाँ! म⁁ैं बुक कर देता हूँ। ⁁और कुछ?", ["जी हाँ!", "मैं बुक कर देता हूँ।", "और कुछ?"]),
        SplitCase("ठीक है, I will book it. ⁁धन्यवाद!", ["ठीक है, I will book it.", "धन्यवाद!"]),
        SplitCase("Your slot: 10 a.m., Monday. ⁁See you.", ["Your slot: 10 a.m., Monday.", "See you."]),
        SplitCase("Your token is 7; ⁁please wait.", ["Your token is 7;", "please wait."]),
        SplitCase("आपका नंबर आ गया है; ⁁अंदर आइए।", ["आपका नंबर आ गया है;", "अंदर आइए।"]),
        SplitCase("हाँ जी। ⁁बताइए?", ["हाँ जी।", "बताइए?"]),
        SplitCase("OK, done. ⁁Bye!", ["OK, done.", "Bye!"]),
    ]
}
