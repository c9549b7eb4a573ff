/// The evaluation table: cases written before the rules they exercise, and never used to tune
/// them. Expected pieces are what a reader would want, not what the rules happen to give; the
/// cases the splitter still gets wrong carry their reason as `{known …}`.
extension SplitCase {
    public static let evaluation = table(#"""
        The guide said "Turn left." and we did.
        Press Go! to start the game.
        (We closed at 6 p.m.) after the rush.
        He called it "rubbish!" (Mehta 44). ⁁Others agreed.  →  He called it "rubbish!" (Mehta 44).  ¦  Others agreed.
        She yelled "Run!" and we ran.
        Is it "yes?" or "no?" W⁁e must decide.  →  Is it "yes?" or "no?"  ¦  We must decide.
        "Stop." S⁁he turned. ⁁"Why?" H⁁e shrugged.  →  "Stop."  ¦  She turned.  ¦  "Why?"  ¦  He shrugged.
        The sign said "Closed." (It was Sunday.) ⁁W⁁e went home.  →  The sign said "Closed."  ¦  (It was Sunday.)  ¦  We went home.
        “Are you sure?” she asked.
        It was dark . . . and cold.
        It was dark . . . . N⁁obody came.  →  It was dark . . . .  ¦  Nobody came.
        He hesitated. ⁁. . . Then he said yes.  →  He hesitated.  ¦  Then he said yes.
        She smiled. ⁁. . . And then she left.  →  She smiled.  ¦  And then she left.
        {known a period glued to its word ends the sentence at the space; the dots after it are not looked at} Wait. . . what?
        I said no... N⁁o means no.  →  I said no...  ¦  No means no.
        Pack 1. y⁁our ticket 2. ⁁your passport 3. ⁁a pen  →  Pack  ¦  1. your ticket  ¦  2. your passport  ¦  3. a pen
        We offer a) ⁁tea b) ⁁coffee c) ⁁milk  →  We offer  ¦  a) tea  ¦  b) coffee  ¦  c) milk
        Next • ⁁billing • ⁁support  →  Next  ¦  • billing  ¦  • support
        1.) Sign in 2.) ⁁Choose a slot  →  1.) Sign in  ¦  2.) Choose a slot
        Bring: a) ⁁pen, b) ⁁paper.  →  Bring:  ¦  a) pen,  ¦  b) paper.
        Call 1) ⁁the desk or 2) ⁁the nurse.  →  Call  ¦  1) the desk or  ¦  2) the nurse.
        The menu: 1. s⁁oup 2. ⁁salad 3. ⁁dessert.  →  The menu:  ¦  1. soup  ¦  2. salad  ¦  3. dessert.
        • Call the clinic\n⁁• Ask for Dr. Rao  →  • Call the clinic  ¦  • Ask for Dr. Rao
        {known a dotted initialism ends its sentence only before a word that starts sentences, and Start is not one} Flights to the U.A.E. S⁁tart in May.  →  Flights to the U.A.E.  ¦  Start in May.
        Tickets for U.K. and U.S. fans are out.
        The rally was in the U.S. last June.
        The U.S. Army trained here.
        He met J.R.R. Tolkien once.
        {known P. is read as the abbreviation p. (page), an end before anything but a number} Ask A. P. Singh for the key.
        Rahul S. Verma signed it.
        Between you and I. ⁁That is wrong.  →  Between you and I.  ¦  That is wrong.
        Dinner is at 8 p.m. Mrs. Kapoor will host.
        Dinner is at 8 p.m. Please⁁ be on time.  →  Dinner is at 8 p.m.  ¦  Please be on time.
        Meet Mr. J. Doe at 4 p.m. He⁁ will wait.  →  Meet Mr. J. Doe at 4 p.m.  ¦  He will wait.
        It was 2 a.m. Ev⁁eryone slept.  →  It was 2 a.m.  ¦  Everyone slept.
        It is 5 p.m. in Delhi.
        Our office is at 5th Ave. C⁁ome by.  →  Our office is at 5th Ave.  ¦  Come by.
        {known M.Sc is neither in the lexicon nor shaped as initials} He got an M.Sc. in 2010.
        Dr. Rao (ENT) is in. ⁁Book now.  →  Dr. Rao (ENT) is in.  ¦  Book now.
        It costs Rs. 450 only. ⁁Pay at the desk.  →  It costs Rs. 450 only.  ¦  Pay at the desk.
        Version 3.2.1 fixed it. ⁁Update now.  →  Version 3.2.1 fixed it.  ¦  Update now.
        Go to help.example.org. ⁁Then sign in.  →  Go to help.example.org.  ¦  Then sign in.
        The term (see p. 4) is defined later.
        Read ch. 5 tonight. ⁁Quiz tomorrow.  →  Read ch. 5 tonight.  ¦  Quiz tomorrow.
        सामान: 1. प⁁ासपोर्ट 2. ⁁टिकट  →  सामान:  ¦  1. पासपोर्ट  ¦  2. टिकट
        बी. आर. अंबेडकर ने संविधान लिखा। ⁁यह सच है।  →  बी. आर. अंबेडकर ने संविधान लिखा।  ¦  यह सच है।
        {known Devanagari has no case: nothing tells that the sentence goes on after the quote} उसने कहा, "चलो!" और हम चल पड़े।
        मैंने पूछा "क्यों?" उ⁁सने कुछ नहीं कहा।  →  मैंने पूछा "क्यों?"  ¦  उसने कुछ नहीं कहा।
        {known an ellipsis before a letter without case ends the sentence, as “शायद… कल।” does} वह चुप रहा . . . फिर हँसा। ⁁अच्छा लगा।  →  वह चुप रहा . . . फिर हँसा।  ¦  अच्छा लगा।
        डॉ. के. पी. सिंह आज नहीं आएंगे। ⁁माफ़ कीजिए।  →  डॉ. के. पी. सिंह आज नहीं आएंगे।  ¦  माफ़ कीजिए।
        """#)
}
