/// Terminators, closing quotes and brackets, citations: the tuning table's first part.
///
/// A `!` or `?`, or a terminator followed by closing quotes or brackets, is settled by the first
/// letter after the space (a lower-case one continues the sentence); a lone period by the space.
extension SplitCase {
    static let tuningTerminators = table(#"""
        # A terminator, closers, then a lower-case word: the sentence goes on.
        He said "Fine." and left.
        He said "Fine." T⁁hen he left.  →  He said "Fine."  ¦  Then he left.
        She wrote “Done!” then logged off.
        She wrote “Done!” A⁁nd then nothing.  →  She wrote “Done!”  ¦  And then nothing.
        It runs on Jazz! by default.
        Ask Yahoo! for the score.
        The sign read STOP! so we stopped.
        (That was in 2019.) after which we moved.
        (That was in 2019.) A⁁fter that we moved.  →  (That was in 2019.)  ¦  After that we moved.
        He asked "Why?" and waited.
        He asked "Why?" T⁁hen he waited.  →  He asked "Why?"  ¦  Then he waited.
        Is it 'Go!' or 'Stop!'? I⁁ forget.  →  Is it 'Go!' or 'Stop!'?  ¦  I forget.
        Call me (after 5 p.m.) if you can.
        She said, “It’s late.” and went home.
        Click “Next!” to continue.
        "Wait!" she cried.
        "Wait!" S⁁he ran.  →  "Wait!"  ¦  She ran.
        The answer is “no.” W⁁e move on.  →  The answer is “no.”  ¦  We move on.
        [Done.] next we test.
        # A citation after the closers stays with the sentence it cites.
        "Yes [...]" (Rao 12). ⁁Next point.  →  "Yes [...]" (Rao 12).  ¦  Next point.
        He wrote "the ruling was final." (Smith 4). ⁁We agree.  →  He wrote "the ruling was final." (Smith 4).  ¦  We agree.
        She called it "great!" (Rao 2020, p. 7). ⁁Others disagree.  →  She called it "great!" (Rao 2020, p. 7).  ¦  Others disagree.
        They asked “why?” [Iyer 3], and we answered.
        # A bracketed sentence after the closers is a sentence of its own.
        He said "No." (He meant it.) ⁁T⁁hen he left.  →  He said "No."  ¦  (He meant it.)  ¦  Then he left.
        # ! and ? before a capital, a digit or another script still end.
        Wow! T⁁hat was fast.  →  Wow!  ¦  That was fast.
        I love it!!! W⁁ho wouldn't?  →  I love it!!!  ¦  Who wouldn't?
        Is it safe? Y⁁es, it is.  →  Is it safe?  ¦  Yes, it is.
        Ready? 3⁁, 2, 1.  →  Ready?  ¦  3, 2, 1.
        Done? “⁁Yes,” he said.  →  Done?  ¦  “Yes,” he said.
        Really?\n⁁yes.  →  Really?  ¦  yes.
        Stop; ⁁think; ⁁then act.  →  Stop;  ¦  think;  ¦  then act.
        He left (finally). ⁁Then we ate.  →  He left (finally).  ¦  Then we ate.
        The court said no (Smith 4). ⁁We agree.  →  The court said no (Smith 4).  ¦  We agree.
        Thanks! 🙏⁁ See you.  →  Thanks!  ¦  🙏 See you.
        Thanks! 🙏  →  Thanks!
        # Devanagari: the danda ends whatever follows; ! and ? wait for the next letter.
        क्या आप कल आएंगे? ह⁁ाँ, सुबह।  →  क्या आप कल आएंगे?  ¦  हाँ, सुबह।
        रुकिए! म⁁ैं देखता हूँ।  →  रुकिए!  ¦  मैं देखता हूँ।
        उसने कहा, “हाँ।” ⁁फिर वह चला गया।  →  उसने कहा, “हाँ।”  ¦  फिर वह चला गया।
        यह रहा। ⁁(पृष्ठ 4 देखें।) ⁁आगे बढ़िए।  →  यह रहा।  ¦  (पृष्ठ 4 देखें।)  ¦  आगे बढ़िए।
        धन्यवाद॥ ⁁फिर मिलेंगे।  →  धन्यवाद॥  ¦  फिर मिलेंगे।
        ठीक है।\n⁁कल मिलते हैं।  →  ठीक है।  ¦  कल मिलते हैं।
        आप कैसे हैं?\n⁁मैं ठीक हूँ।  →  आप कैसे हैं?  ¦  मैं ठीक हूँ।
        Wow! य⁁ह तो कमाल है।  →  Wow!  ¦  यह तो कमाल है।
        शाबाश! A⁁ll done.  →  शाबाश!  ¦  All done.
        """#)
}
