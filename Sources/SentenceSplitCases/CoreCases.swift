extension SplitCase {
    /// The first table: English, Hindi, CJK and mixed text, one rule or more per row.
    public static let core: [SplitCase] = terminators + abbreviations + numbers + addresses + ellipses
        + lists + layout + lengths

    static let terminators = table(#"""
        Hi. ⁁How are you?  →  Hi.  ¦  How are you?
        Great! S⁁ee you soon.  →  Great!  ¦  See you soon.
        Is that right? Y⁁es.  →  Is that right?  ¦  Yes.
        First part; ⁁second part.  →  First part;  ¦  second part.
        Really?! Y⁁es.  →  Really?!  ¦  Yes.
        Line one\n⁁Line two  →  Line one  ¦  Line two
        Hello.\n⁁\nWorld.  →  Hello.  ¦  World.
        He said "stop." T⁁hen he left.  →  He said "stop."  ¦  Then he left.
        (This is an aside.) N⁁ext.  →  (This is an aside.)  ¦  Next.
        She said “I’ll come.” G⁁ood.  →  She said “I’ll come.”  ¦  Good.
        **Note.** R⁁ead this.  →  **Note.**  ¦  Read this.
        नमस्ते। ⁁आप कैसे हैं?  →  नमस्ते।  ¦  आप कैसे हैं?
        मैं ठीक हूँ॥ ⁁धन्यवाद।  →  मैं ठीक हूँ॥  ¦  धन्यवाद।
        यह अच्छा है।व⁁ह भी।  →  यह अच्छा है।  ¦  वह भी।
        क्या आप आएंगे? ह⁁ाँ।  →  क्या आप आएंगे?  ¦  हाँ।
        मैं घर जा रहा हूँ. ⁁फिर मिलेंगे.  →  मैं घर जा रहा हूँ.  ¦  फिर मिलेंगे.
        उसने कहा "ठीक है।" ⁁फिर चला गया।  →  उसने कहा "ठीक है।"  ¦  फिर चला गया।
        你好。我⁁是助手。  →  你好。  ¦  我是助手。
        「はい。」次⁁へ。  →  「はい。」  ¦  次へ。
        本当？は⁁い！  →  本当？  ¦  はい！
        Your appointment is confirmed। ⁁धन्यवाद! S⁁ee you.  →  Your appointment is confirmed।  ¦  धन्यवाद!  ¦  See you.
        Sure, मैं मदद कर सकता हूँ। ⁁What time?  →  Sure, मैं मदद कर सकता हूँ।  ¦  What time?
        आपका appointment कल 10:30 बजे है। ⁁OK?  →  आपका appointment कल 10:30 बजे है।  ¦  OK?
        """#)

    static let abbreviations = table(#"""
        Dr. Smith will see you. ⁁Please wait.  →  Dr. Smith will see you.  ¦  Please wait.
        Mr. and Mrs. Rao are here.
        Prof. Sharma and Dr. Rao agreed. ⁁Good.  →  Prof. Sharma and Dr. Rao agreed.  ¦  Good.
        Bring ID, e.g. a passport. ⁁Thanks.  →  Bring ID, e.g. a passport.  ¦  Thanks.
        Use a fruit, i.e. an apple.
        We sell apples, pears, etc. and more.
        We sell apples, pears, etc. A⁁nything else?  →  We sell apples, pears, etc.  ¦  Anything else?
        She moved to the U.S. last year.
        J. R. R. Tolkien wrote it. ⁁Read it.  →  J. R. R. Tolkien wrote it.  ¦  Read it.
        Call me at 10 a.m. tomorrow.
        The meeting is at 10 a.m. T⁁hat works?  →  The meeting is at 10 a.m.  ¦  That works?
        See No. 5 on the list.
        No. I⁁ can't do that.  →  No.  ¦  I can't do that.
        Wait 5 min. T⁁hen call.  →  Wait 5 min.  ¦  Then call.
        It is on St. Mark's Road. ⁁Come.  →  It is on St. Mark's Road.  ¦  Come.
        (Dr. Rao) will call.
        डॉ. शर्मा आज नहीं हैं। ⁁कल आइए।  →  डॉ. शर्मा आज नहीं हैं।  ¦  कल आइए।
        श्री. वर्मा से मिलिए। ⁁धन्यवाद।  →  श्री. वर्मा से मिलिए।  ¦  धन्यवाद।
        रु. 500 का बिल है। ⁁धन्यवाद।  →  रु. 500 का बिल है।  ¦  धन्यवाद।
        {abbr Sta. inner} Meet at Sta. Cruz today.
        Meet at Sta. ⁁Cruz today.  →  Meet at Sta.  ¦  Cruz today.
        {abbr अंतर्राष्ट्रीयकरण. inner} यह अंतर्राष्ट्रीयकरण. की बात है।
        We fixed it, approx. Monday. ⁁Fine.  →  We fixed it, approx. Monday.  ¦  Fine.
        """#)

    static let numbers = table(#"""
        Pi is 3.14 roughly. ⁁Next.  →  Pi is 3.14 roughly.  ¦  Next.
        Update to v2.0 now. ⁁Done.  →  Update to v2.0 now.  ¦  Done.
        Version 1.2.3 is out.
        It's 10:30 now. ⁁OK.  →  It's 10:30 now.  ¦  OK.
        Meet at 10.30 tomorrow.
        The total is 25. S⁁hall I book it?  →  The total is 25.  ¦  Shall I book it?
        It costs $25.50 today.
        Call 911. I⁁t is urgent.  →  Call 911.  ¦  It is urgent.
        He came 2. in the race.
        She finished 1st. ⁁Then she left.  →  She finished 1st.  ¦  Then she left.
        We have 1,000 slots. ⁁Book now.  →  We have 1,000 slots.  ¦  Book now.
        कुल राशि 250. ह⁁ै।  →  कुल राशि 250.  ¦  है।
        """#)

    static let addresses = table(#"""
        Visit https://example.com/a?b=c for details. ⁁Bye.  →  Visit https://example.com/a?b=c for details.  ¦  Bye.
        Go to example.com. ⁁Then log in.  →  Go to example.com.  ¦  Then log in.
        Go to example.com/path?x=1. ⁁OK.  →  Go to example.com/path?x=1.  ¦  OK.
        Mail help@clinic.co.in today.
        Write to a.b@x.io. ⁁Thanks.  →  Write to a.b@x.io.  ¦  Thanks.
        See www.clinic.in! B⁁ye.  →  See www.clinic.in!  ¦  Bye.
        """#)

    static let ellipses = table(#"""
        I was thinking... maybe tomorrow.
        Well... L⁁et me check.  →  Well...  ¦  Let me check.
        Hmm… O⁁K.  →  Hmm…  ¦  OK.
        Wait… what?
        Wait...\n⁁OK.  →  Wait...  ¦  OK.
        Really...? Y⁁es.  →  Really...?  ¦  Yes.
        शायद… क⁁ल।  →  शायद…  ¦  कल।
        """#)

    static let lists = table(#"""
        1. Open the app.\n⁁2. Tap Login.  →  1. Open the app.  ¦  2. Tap Login.
        Steps:\n⁁1. Open the app. ⁁2. Tap Login.  →  Steps:  ¦  1. Open the app.  ¦  2. Tap Login.
        a. Yes\n⁁b. No  →  a. Yes  ¦  b. No
        १. पहला कदम।\n⁁२. दूसरा कदम।  →  १. पहला कदम।  ¦  २. दूसरा कदम।
        Options:\n⁁- Monday\n⁁- Tuesday  →  Options:  ¦  - Monday  ¦  - Tuesday
        {first 5} He said: ⁁"1. Open it." T⁁hen go.  →  He said:  ¦  "1. Open it."  ¦  Then go.
        """#)

    static let layout = table(#"""
        \s\sLeading spaces. ⁁  Trailing.\s\s  →  Leading spaces.  ¦  Trailing.
          →
        No punctuation at all
        \n\n  →
        Hello!How odd.
        Tabs\there.\t⁁Next.  →  Tabs\there.  ¦  Next.
        """#)

    static let lengths = table(#"""
        {min 10} Hi. There. ⁁How are you? F⁁ine.  →  Hi. There.  ¦  How are you?  ¦  Fine.
        {min 10} Yes\nOK\nThat is all.\n⁁  →  Yes OK That is all.
        {min 3} OK. ⁁Sure.  →  OK.  ¦  Sure.
        This sentence is rather long, and it keeps going without a stop. ⁁End.  →  This sentence is rather long, and it keeps going without a stop.  ¦  End.
        {max 40} This sentence is rather long, and it keep⁁s going without a stop. ⁁End.  →  This sentence is rather long,  ¦  and it keeps going without a stop.  ¦  End.
        {max 30} I can book you in today but the⁁ doctor is busy then.  →  I can book you in today  ¦  but the doctor is busy then.
        {max 32} It is a long way — over the hills⁁ and far away.  →  It is a long way —  ¦  over the hills and far away.
        {max 20} Supercalifragilistice⁁xpialidocious  →  Supercalifragilistic  ¦  expialidocious
        {min 12; max 24} Yes, I see. Then we can d⁁o it all tod⁁ay.  →  Yes, I see.  ¦  Then we can do it all  ¦  today.
        {min 20; max 30} OK. This is a longer sentence t⁁hat goes on.  →  OK. This is a longer sentence  ¦  that goes on.
        {max 10} 今日はとても良い天気で⁁すね、散歩に行きまし⁁ょう。  →  今日はとても良い天気  ¦  ですね、  ¦  散歩に行きましょう。
        {max 24} मैं कल सुबह दस बजे आऊँगा और फिर ⁁चला जाऊँगा।  →  मैं कल सुबह दस बजे आऊँगा  ¦  और फिर चला जाऊँगा।
        {first 10} Sure thing, ⁁I can help with that. ⁁What time?  →  Sure thing,  ¦  I can help with that.  ¦  What time?
        {first 20} Sure, I can help with that. ⁁Bye.  →  Sure, I can help with that.  ¦  Bye.
        {first 10} Let me check the calendar and ⁁I will get back to you.  →  Let me check the calendar  ¦  and I will get back to you.
        {first 3} Yes, ⁁that works, and thanks.  →  Yes,  ¦  that works, and thanks.
        {first 5} ठीक है, ⁁मैं अभी देखता हूँ। ⁁धन्यवाद।  →  ठीक है,  ¦  मैं अभी देखता हूँ।  ¦  धन्यवाद।
        {first 10} From 2-3 pm works: ⁁yes.  →  From 2-3 pm works:  ¦  yes.
        """#)
}
