extension SplitCase {
    /// The first table: English, Hindi, CJK and mixed text, one rule or more per row.
    public static let core: [SplitCase] = terminators + abbreviations + numbers + addresses + ellipses
        + lists + layout + lengths

    static let terminators: [SplitCase] = [
        SplitCase("Hi. ⁁How are you?", ["Hi.", "How are you?"]),
        SplitCase("Great! S⁁ee you soon.", ["Great!", "See you soon."]),
        SplitCase("Is that right? Y⁁es.", ["Is that right?", "Yes."]),
        SplitCase("First part; ⁁second part.", ["First part;", "second part."]),
        SplitCase("Really?! Y⁁es.", ["Really?!", "Yes."]),
        SplitCase("Line one\n⁁Line two", ["Line one", "Line two"]),
        SplitCase("Hello.\n⁁\nWorld.", ["Hello.", "World."]),
        SplitCase("He said \"stop.\" T⁁hen he left.", ["He said \"stop.\"", "Then he left."]),
        SplitCase("(This is an aside.) N⁁ext.", ["(This is an aside.)", "Next."]),
        SplitCase("She said “I’ll come.” G⁁ood.", ["She said “I’ll come.”", "Good."]),
        SplitCase("**Note.** R⁁ead this.", ["**Note.**", "Read this."]),
        SplitCase("नमस्ते। ⁁आप कैसे हैं?", ["नमस्ते।", "आप कैसे हैं?"]),
        SplitCase("मैं ठीक हूँ॥ ⁁धन्यवाद।", ["मैं ठीक हूँ॥", "धन्यवाद।"]),
        SplitCase("यह अच्छा है।व⁁ह भी।", ["यह अच्छा है।", "वह भी।"]),
        SplitCase("क्या आप आएंगे? ह⁁ाँ।", ["क्या आप आएंगे?", "हाँ।"]),
        SplitCase("मैं घर जा रहा हूँ. ⁁फिर मिलेंगे.", ["मैं घर जा रहा हूँ.", "फिर मिलेंगे."]),
        SplitCase("उसने कहा \"ठीक है।\" ⁁फिर चला गया।", ["उसने कहा \"ठीक है।\"", "फिर चला गया।"]),
        SplitCase("你好。我⁁是助手。", ["你好。", "我是助手。"]),
        SplitCase("「はい。」次⁁へ。", ["「はい。」", "次へ。"]),
        SplitCase("本当？は⁁い！", ["本当？", "はい！"]),
        SplitCase("Your appointment is confirmed। ⁁धन्यवाद! S⁁ee you.", ["Your appointment is confirmed।", "धन्यवाद!", "See you."]),
        SplitCase("Sure, मैं मदद कर सकता हूँ। ⁁What time?", ["Sure, मैं मदद कर सकता हूँ।", "What time?"]),
        SplitCase("आपका appointment कल 10:30 बजे है। ⁁OK?", ["आपका appointment कल 10:30 बजे है।", "OK?"]),
    ]

    static let abbreviations: [SplitCase] = [
        SplitCase("Dr. Smith will see you. ⁁Please wait.", ["Dr. Smith will see you.", "Please wait."]),
        SplitCase("Mr. and Mrs. Rao are here.", ["Mr. and Mrs. Rao are here."]),
        SplitCase("Prof. Sharma and Dr. Rao agreed. ⁁Good.", ["Prof. Sharma and Dr. Rao agreed.", "Good."]),
        SplitCase("Bring ID, e.g. a passport. ⁁Thanks.", ["Bring ID, e.g. a passport.", "Thanks."]),
        SplitCase("Use a fruit, i.e. an apple.", ["Use a fruit, i.e. an apple."]),
        SplitCase("We sell apples, pears, etc. and more.", ["We sell apples, pears, etc. and more."]),
        SplitCase("We sell apples, pears, etc. A⁁nything else?", ["We sell apples, pears, etc.", "Anything else?"]),
        SplitCase("She moved to the U.S. last year.", ["She moved to the U.S. last year."]),
        SplitCase("J. R. R. Tolkien wrote it. ⁁Read it.", ["J. R. R. Tolkien wrote it.", "Read it."]),
        SplitCase("Call me at 10 a.m. tomorrow.", ["Call me at 10 a.m. tomorrow."]),
        SplitCase("The meeting is at 10 a.m. T⁁hat works?", ["The meeting is at 10 a.m.", "That works?"]),
        SplitCase("See No. 5 on the list.", ["See No. 5 on the list."]),
        SplitCase("No. I⁁ can't do that.", ["No.", "I can't do that."]),
        SplitCase("Wait 5 min. T⁁hen call.", ["Wait 5 min.", "Then call."]),
        SplitCase("It is on St. Mark's Road. ⁁Come.", ["It is on St. Mark's Road.", "Come."]),
        SplitCase("(Dr. Rao) will call.", ["(Dr. Rao) will call."]),
        SplitCase("डॉ. शर्मा आज नहीं हैं। ⁁कल आइए।", ["डॉ. शर्मा आज नहीं हैं।", "कल आइए।"]),
        SplitCase("श्री. वर्मा से मिलिए। ⁁धन्यवाद।", ["श्री. वर्मा से मिलिए।", "धन्यवाद।"]),
        SplitCase("रु. 500 का बिल है। ⁁धन्यवाद।", ["रु. 500 का बिल है।", "धन्यवाद।"]),
        SplitCase("Meet at Sta. Cruz today.", ["Meet at Sta. Cruz today."], abbreviations: [("Sta.", .inner)]),
        SplitCase("Meet at Sta. ⁁Cruz today.", ["Meet at Sta.", "Cruz today."]),
        SplitCase("यह अंतर्राष्ट्रीयकरण. की बात है।", ["यह अंतर्राष्ट्रीयकरण. की बात है।"], abbreviations: [("अंतर्राष्ट्रीयकरण.", .inner)]),
        SplitCase("We fixed it, approx. Monday. ⁁Fine.", ["We fixed it, approx. Monday.", "Fine."]),
    ]

    static let numbers: [SplitCase] = [
        SplitCase("Pi is 3.14 roughly. ⁁Next.", ["Pi is 3.14 roughly.", "Next."]),
        SplitCase("Update to v2.0 now. ⁁Done.", ["Update to v2.0 now.", "Done."]),
        SplitCase("Version 1.2.3 is out.", ["Version 1.2.3 is out."]),
        SplitCase("It's 10:30 now. ⁁OK.", ["It's 10:30 now.", "OK."]),
        SplitCase("Meet at 10.30 tomorrow.", ["Meet at 10.30 tomorrow."]),
        SplitCase("The total is 25. S⁁hall I book it?", ["The total is 25.", "Shall I book it?"]),
        SplitCase("It costs $25.50 today.", ["It costs $25.50 today."]),
        SplitCase("Call 911. I⁁t is urgent.", ["Call 911.", "It is urgent."]),
        SplitCase("He came 2. in the race.", ["He came 2. in the race."]),
        SplitCase("She finished 1st. ⁁Then she left.", ["She finished 1st.", "Then she left."]),
        SplitCase("We have 1,000 slots. ⁁Book now.", ["We have 1,000 slots.", "Book now."]),
        SplitCase("कुल राशि 250. ह⁁ै।", ["कुल राशि 250.", "है।"]),
    ]

    static let addresses: [SplitCase] = [
        SplitCase("Visit https://example.com/a?b=c for details. ⁁Bye.", ["Visit https://example.com/a?b=c for details.", "Bye."]),
        SplitCase("Go to example.com. ⁁Then log in.", ["Go to example.com.", "Then log in."]),
        SplitCase("Go to example.com/path?x=1. ⁁OK.", ["Go to example.com/path?x=1.", "OK."]),
        SplitCase("Mail help@clinic.co.in today.", ["Mail help@clinic.co.in today."]),
        SplitCase("Write to a.b@x.io. ⁁Thanks.", ["Write to a.b@x.io.", "Thanks."]),
        SplitCase("See www.clinic.in! B⁁ye.", ["See www.clinic.in!", "Bye."]),
    ]

    static let ellipses: [SplitCase] = [
        SplitCase("I was thinking... maybe tomorrow.", ["I was thinking... maybe tomorrow."]),
        SplitCase("Well... L⁁et me check.", ["Well...", "Let me check."]),
        SplitCase("Hmm… O⁁K.", ["Hmm…", "OK."]),
        SplitCase("Wait… what?", ["Wait… what?"]),
        SplitCase("Wait...\n⁁OK.", ["Wait...", "OK."]),
        SplitCase("Really...? Y⁁es.", ["Really...?", "Yes."]),
        SplitCase("शायद… क⁁ल।", ["शायद…", "कल।"]),
    ]

    static let lists: [SplitCase] = [
        SplitCase("1. Open the app.\n⁁2. Tap Login.", ["1. Open the app.", "2. Tap Login."]),
        SplitCase("Steps:\n⁁1. Open the app. ⁁2. Tap Login.", ["Steps:", "1. Open the app.", "2. Tap Login."]),
        SplitCase("a. Yes\n⁁b. No", ["a. Yes", "b. No"]),
        SplitCase("१. पहला कदम।\n⁁२. दूसरा कदम।", ["१. पहला कदम।", "२. दूसरा कदम।"]),
        SplitCase("Options:\n⁁- Monday\n⁁- Tuesday", ["Options:", "- Monday", "- Tuesday"]),
        SplitCase("He said: ⁁\"1. Open it.\" T⁁hen go.", ["He said:", "\"1. Open it.\"", "Then go."], firstMinChars: 5),
    ]

    static let layout: [SplitCase] = [
        SplitCase("  Leading spaces. ⁁  Trailing.  ", ["Leading spaces.", "Trailing."]),
        SplitCase("", []),
        SplitCase("No punctuation at all", ["No punctuation at all"]),
        SplitCase("\n\n", []),
        SplitCase("Hello!How odd.", ["Hello!How odd."]),
        SplitCase("Tabs\there.\t⁁Next.", ["Tabs\there.", "Next."]),
    ]

    static let lengths: [SplitCase] = [
        SplitCase("Hi. There. ⁁How are you? F⁁ine.", ["Hi. There.", "How are you?", "Fine."], minChars: 10),
        SplitCase("Yes\nOK\nThat is all.\n⁁", ["Yes OK That is all."], minChars: 10),
        SplitCase("OK. ⁁Sure.", ["OK.", "Sure."], minChars: 3),
        SplitCase("This sentence is rather long, and it keeps going without a stop. ⁁End.",
                  ["This sentence is rather long, and it keeps going without a stop.", "End."]),
        SplitCase("This sentence is rather long, and it keep⁁s going without a stop. ⁁End.",
                  ["This sentence is rather long,", "and it keeps going without a stop.", "End."], maxChars: 40),
        SplitCase("I can book you in today but the⁁ doctor is busy then.",
                  ["I can book you in today", "but the doctor is busy then."], maxChars: 30),
        SplitCase("It is a long way — over the hills⁁ and far away.", ["It is a long way —", "over the hills and far away."], maxChars: 32),
        SplitCase("Supercalifragilistice⁁xpialidocious", ["Supercalifragilistic", "expialidocious"], maxChars: 20),
        SplitCase("Yes, I see. Then we can d⁁o it all tod⁁ay.", ["Yes, I see.", "Then we can do it all", "today."], minChars: 12, maxChars: 24),
        SplitCase("OK. This is a longer sentence t⁁hat goes on.", ["OK. This is a longer sentence", "that goes on."], minChars: 20, maxChars: 30),
        SplitCase("今日はとても良い天気で⁁すね、散歩に行きまし⁁ょう。", ["今日はとても良い天気", "ですね、", "散歩に行きましょう。"], maxChars: 10),
        SplitCase("मैं कल सुबह दस बजे आऊँगा और फिर ⁁चला जाऊँगा।", ["मैं कल सुबह दस बजे आऊँगा", "और फिर चला जाऊँगा।"], maxChars: 24),
        SplitCase("Sure thing, ⁁I can help with that. ⁁What time?", ["Sure thing,", "I can help with that.", "What time?"], firstMinChars: 10),
        SplitCase("Sure, I can help with that. ⁁Bye.", ["Sure, I can help with that.", "Bye."], firstMinChars: 20),
        SplitCase("Let me check the calendar and ⁁I will get back to you.",
                  ["Let me check the calendar", "and I will get back to you."], firstMinChars: 10),
        SplitCase("Yes, ⁁that works, and thanks.", ["Yes,", "that works, and thanks."], firstMinChars: 3),
        SplitCase("ठीक है, ⁁मैं अभी देखता हूँ। ⁁धन्यवाद।", ["ठीक है,", "मैं अभी देखता हूँ।", "धन्यवाद।"], firstMinChars: 5),
        SplitCase("From 2-3 pm works: ⁁yes.", ["From 2-3 pm works:", "yes."], firstMinChars: 10),
    ]
}
