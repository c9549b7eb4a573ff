/// Numbers, addresses, layout and mixed-language answers: the tuning table's last part.
extension SplitCase {
    static let tuningNumbers = table(#"""
        It costs ₹1,200. ⁁Pay now.  →  It costs ₹1,200.  ¦  Pay now.
        The fee is 500. P⁁lease pay.  →  The fee is 500.  ¦  Please pay.
        Call 98450 12345. T⁁hanks.  →  Call 98450 12345.  ¦  Thanks.
        Call +91 98450 12345. T⁁hank you.  →  Call +91 98450 12345.  ¦  Thank you.
        It is 3.5 km away.
        Meet at 10:30. ⁁OK?  →  Meet at 10:30.  ¦  OK?
        It happened in 2019. T⁁hen it stopped.  →  It happened in 2019.  ¦  Then it stopped.
        Score: 9.5/10. ⁁Great.  →  Score: 9.5/10.  ¦  Great.
        Add 2.5 kg. ⁁Stir well.  →  Add 2.5 kg.  ¦  Stir well.
        The rate is 7.25%. ⁁Fixed.  →  The rate is 7.25%.  ¦  Fixed.
        Take 2 tabs. ⁁Then rest.  →  Take 2 tabs.  ¦  Then rest.
        Pay ₹ 1,250.50 today.
        We open at 9. W⁁e close at 5.  →  We open at 9.  ¦  We close at 5.
        Aisle 5. T⁁urn left.  →  Aisle 5.  ¦  Turn left.
        Room no. 12 is free.
        It is 6 p.m. here.
        कुल 500 रुपये हैं। ⁁धन्यवाद।  →  कुल 500 रुपये हैं।  ¦  धन्यवाद।
        आपका टोकन 42 है। ⁁कृपया बैठिए।  →  आपका टोकन 42 है।  ¦  कृपया बैठिए।
        """#)

    static let tuningAddresses = table(#"""
        Visit clinic.in/help. ⁁Thanks.  →  Visit clinic.in/help.  ¦  Thanks.
        Email ravi.shah@mail.com now.
        The file is report.v2.pdf.
        The code is A.1.2 now.
        Go to https://clinic.in/a.b?c=d. ⁁Thanks.  →  Go to https://clinic.in/a.b?c=d.  ¦  Thanks.
        मेरा ईमेल ravi@clinic.in है। ⁁धन्यवाद।  →  मेरा ईमेल ravi@clinic.in है।  ¦  धन्यवाद।
        """#)

    static let tuningMixed = table(#"""
        \s\sHello there.  ⁁How are you?\s\s  →  Hello there.  ¦  How are you?
        Hi!\n⁁\nBye.  →  Hi!  ¦  Bye.
        Yes.\n⁁No.  →  Yes.  ¦  No.
        Thank you!
        Sure! I⁁ can do that. ⁁Anything else?  →  Sure!  ¦  I can do that.  ¦  Anything else?
        जी हाँ! म⁁ैं बुक कर देता हूँ। ⁁और कुछ?  →  जी हाँ!  ¦  मैं बुक कर देता हूँ।  ¦  और कुछ?
        ठीक है, I will book it. ⁁धन्यवाद!  →  ठीक है, I will book it.  ¦  धन्यवाद!
        Your slot: 10 a.m., Monday. ⁁See you.  →  Your slot: 10 a.m., Monday.  ¦  See you.
        Your token is 7; ⁁please wait.  →  Your token is 7;  ¦  please wait.
        आपका नंबर आ गया है; ⁁अंदर आइए।  →  आपका नंबर आ गया है;  ¦  अंदर आइए।
        हाँ जी। ⁁बताइए?  →  हाँ जी।  ¦  बताइए?
        OK, done. ⁁Bye!  →  OK, done.  ¦  Bye!
        """#)
}
