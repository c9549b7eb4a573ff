/// Spaced ellipses and inline lists: the tuning table's second part.
extension SplitCase {
    /// `. . .` is one mark, under the rule of `...`; no piece is sent without a letter or digit.
    static let tuningEllipses = table(#"""
        I was thinking . . . maybe tomorrow.
        Well . . . L⁁et me check.  →  Well . . .  ¦  Let me check.
        He paused. ⁁. . . Then he spoke.  →  He paused.  ¦  Then he spoke.
        It was late . . . . T⁁he lights went out.  →  It was late . . . .  ¦  The lights went out.
        The answer . . . is no.
        . . . and that is all.  →  and that is all.
        Wait . . .\n⁁OK.  →  Wait . . .  ¦  OK.
        Hmm. ⁁. . . OK, fine.  →  Hmm.  ¦  OK, fine.
        मैं सोच रहा था . . . श⁁ायद कल।  →  मैं सोच रहा था . . .  ¦  शायद कल।
        So . . . what now?
        Loading . . . done.
        Then . . . nothing. ⁁We waited.  →  Then . . . nothing.  ¦  We waited.
        . . . .  →
        Hello . B⁁ye.  →  Hello .  ¦  Bye.
        I’m not sure . . . I⁁ think so.  →  I’m not sure . . .  ¦  I think so.
        One . . two.
        He stopped. ⁁. . . then he went on.  →  He stopped.  ¦  then he went on.
        वह रुका। ⁁. . . फिर बोला।  →  वह रुका।  ¦  फिर बोला।
        Hmm…. Y⁁es.  →  Hmm….  ¦  Yes.
        So... y'know.
        Think . . . think . . . G⁁ot it!  →  Think . . . think . . .  ¦  Got it!
        It is . . . complicated. ⁁Ask Ravi.  →  It is . . . complicated.  ¦  Ask Ravi.
        “Well . . .” she said.
        !!! OK.  →  OK.
        """#)

    /// Inline lists: each marker starts a piece.
    static let tuningLists = table(#"""
        Bring 1. y⁁our card 2. ⁁your letter  →  Bring  ¦  1. your card  ¦  2. your letter
        Choose a) ⁁rice b) ⁁beans  →  Choose  ¦  a) rice  ¦  b) beans
        Steps: 1. ⁁fill the form 2. ⁁pay the fee 3. ⁁wait  →  Steps:  ¦  1. fill the form  ¦  2. pay the fee  ¦  3. wait
        Steps: 1. ⁁Open the app 2. ⁁Tap Login  →  Steps:  ¦  1. Open the app  ¦  2. Tap Login
        Bring 1.) ⁁your card 2.) ⁁your letter  →  Bring  ¦  1.) your card  ¦  2.) your letter
        Menu: • ⁁tea • ⁁coffee • ⁁juice  →  Menu:  ¦  • tea  ¦  • coffee  ¦  • juice
        • 3. Pay the fee.
        • 1. Fill the form.\n⁁• 2. Pay the fee.  →  • 1. Fill the form.  ¦  • 2. Pay the fee.
        You need • ⁁1. your card • ⁁2. your letter  →  You need  ¦  • 1. your card  ¦  • 2. your letter
        Today: • ⁁1. Call • ⁁2. Pay  →  Today:  ¦  • 1. Call  ¦  • 2. Pay
        Pick (a) ⁁rice or (b) ⁁beans  →  Pick  ¦  (a) rice or  ¦  (b) beans
        Either (1) ⁁call or (2) ⁁write.  →  Either  ¦  (1) call or  ¦  (2) write.
        1) Call us 2) ⁁Pay online  →  1) Call us  ¦  2) Pay online
        A) Yes B) ⁁No  →  A) Yes  ¦  B) No
        Choose 1) ⁁rice 2) ⁁beans 3) ⁁both  →  Choose  ¦  1) rice  ¦  2) beans  ¦  3) both
        The options are 1. r⁁ed, 2. ⁁blue and 3. ⁁green.  →  The options are  ¦  1. red,  ¦  2. blue and  ¦  3. green.
        Bring 1. y⁁our card, 2. ⁁your letter and 3. ⁁a photo.  →  Bring  ¦  1. your card,  ¦  2. your letter and  ¦  3. a photo.
        Options: a) ⁁call, b) ⁁mail, or c) ⁁visit.  →  Options:  ¦  a) call,  ¦  b) mail, or  ¦  c) visit.
        Price list: a) ⁁₹100 b) ⁁₹200  →  Price list:  ¦  a) ₹100  ¦  b) ₹200
        a) Yes\n⁁b) No  →  a) Yes  ¦  b) No
        Reminder:\n⁁1. Bring ID\n⁁2. Arrive early  →  Reminder:  ¦  1. Bring ID  ¦  2. Arrive early
        # Not lists: a number or letter alone, or out of sequence.
        See section 2) for details.
        Item 3) is sold out.
        Pick one (a or b) now.
        The plan (in 2 steps) works.
        Reply 1 for yes or 2 for no.
        Bring 2. your card.
        Press 1. T⁁hen press 2.  →  Press 1.  ¦  Then press 2.
        # Devanagari: no case, so a first `1.` before any letter opens a list.
        साथ लाइए 1. आ⁁धार कार्ड 2. ⁁बैंक का पत्र  →  साथ लाइए  ¦  1. आधार कार्ड  ¦  2. बैंक का पत्र
        लाइए १. आ⁁धार कार्ड २. ⁁पत्र  →  लाइए  ¦  १. आधार कार्ड  ¦  २. पत्र
        चुनिए क) ⁁चावल ख) ⁁दाल  →  चुनिए  ¦  क) चावल  ¦  ख) दाल
        ज़रूरी: • ⁁पासपोर्ट • ⁁टिकट  →  ज़रूरी:  ¦  • पासपोर्ट  ¦  • टिकट
        """#)
}
