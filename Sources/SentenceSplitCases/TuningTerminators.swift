/// Terminators, closing quotes and brackets, citations: the tuning table's first part.
///
/// A `!` or `?`, or a terminator followed by closing quotes or brackets, is settled by the first
/// letter after the space (a lower-case one continues the sentence); a lone period by the space.
extension SplitCase {
    static let tuningTerminators: [SplitCase] = [
        // A terminator, closers, then a lower-case word: the sentence goes on.
        SplitCase(#"He said "Fine." and left."#, [#"He said "Fine." and left."#]),
        SplitCase(#"He said "Fine." T⁁hen he left."#, [#"He said "Fine.""#, "Then he left."]),
        SplitCase("She wrote “Done!” then logged off.", ["She wrote “Done!” then logged off."]),
        SplitCase("She wrote “Done!” A⁁nd then nothing.", ["She wrote “Done!”", "And then nothing."]),
        SplitCase("It runs on Jazz! by default.", ["It runs on Jazz! by default."]),
        SplitCase("Ask Yahoo! for the score.", ["Ask Yahoo! for the score."]),
        SplitCase("The sign read STOP! so we stopped.", ["The sign read STOP! so we stopped."]),
        SplitCase("(That was in 2019.) after which we moved.", ["(That was in 2019.) after which we moved."]),
        SplitCase("(That was in 2019.) A⁁fter that we moved.", ["(That was in 2019.)", "After that we moved."]),
        SplitCase(#"He asked "Why?" and waited."#, [#"He asked "Why?" and waited."#]),
        SplitCase(#"He asked "Why?" T⁁hen he waited."#, [#"He asked "Why?""#, "Then he waited."]),
        SplitCase("Is it 'Go!' or 'Stop!'? I⁁ forget.", ["Is it 'Go!' or 'Stop!'?", "I forget."]),
        SplitCase("Call me (after 5 p.m.) if you can.", ["Call me (after 5 p.m.) if you can."]),
        SplitCase("She said, “It’s late.” and went home.", ["She said, “It’s late.” and went home."]),
        SplitCase("Click “Next!” to continue.", ["Click “Next!” to continue."]),
        SplitCase(#""Wait!" she cried."#, [#""Wait!" she cried."#]),
        SplitCase(#""Wait!" S⁁he ran."#, [#""Wait!""#, "She ran."]),
        SplitCase("The answer is “no.” W⁁e move on.", ["The answer is “no.”", "We move on."]),
        SplitCase("[Done.] next we test.", ["[Done.] next we test."]),
        // A citation after the closers stays with the sentence it cites.
        SplitCase(#""Yes [...]" (Rao 12). ⁁Next point."#, [#""Yes [...]" (Rao 12)."#, "Next point."]),
        SplitCase(#"He wrote "the ruling was final." (Smith 4). ⁁We agree."#,
                  [#"He wrote "the ruling was final." (Smith 4)."#, "We agree."]),
        SplitCase(#"She called it "great!" (Rao 2020, p. 7). ⁁Others disagree."#,
                  [#"She called it "great!" (Rao 2020, p. 7)."#, "Others disagree."]),
        SplitCase("They asked “why?” [Iyer 3], and we answered.", ["They asked “why?” [Iyer 3], and we answered."]),
        // A bracketed sentence after the closers is a sentence of its own.
        SplitCase(#"He said "No." (He meant it.) ⁁T⁁hen he left."#, [#"He said "No.""#, "(He meant it.)", "Then he left."]),
        // ! and ? before a capital, a digit or another script still end.
        SplitCase("Wow! T⁁hat was fast.", ["Wow!", "That was fast."]),
        SplitCase("I love it!!! W⁁ho wouldn't?", ["I love it!!!", "Who wouldn't?"]),
        SplitCase("Is it safe? Y⁁es, it is.", ["Is it safe?", "Yes, it is."]),
        SplitCase("Ready? 3⁁, 2, 1.", ["Ready?", "3, 2, 1."]),
        SplitCase("Done? “⁁Yes,” he said.", ["Done?", "“Yes,” he said."]),
        SplitCase("Really?\n⁁yes.", ["Really?", "yes."]),
        SplitCase("Stop; ⁁think; ⁁then act.", ["Stop;", "think;", "then act."]),
        SplitCase("He left (finally). ⁁Then we ate.", ["He left (finally).", "Then we ate."]),
        SplitCase("The court said no (Smith 4). ⁁We agree.", ["The court said no (Smith 4).", "We agree."]),
        SplitCase("Thanks! 🙏⁁ See you.", ["Thanks!", "🙏 See you."]),
        SplitCase("Thanks! 🙏", ["Thanks!"]),
        // Devanagari: the danda ends whatever follows; ! and ? wait for the next letter.
        SplitCase("क्या आप कल आएंगे? ह⁁ाँ, सुबह।", ["क्या आप कल आएंगे?", "हाँ, सुबह।"]),
        SplitCase("रुकिए! म⁁ैं देखता हूँ।", ["रुकिए!", "मैं देखता हूँ।"]),
        SplitCase("उसने कहा, “हाँ।” ⁁फिर वह चला गया।", ["उसने कहा, “हाँ।”", "फिर वह चला गया।"]),
        SplitCase("यह रहा। ⁁(पृष्ठ 4 देखें।) ⁁आगे बढ़िए।", ["यह रहा।", "(पृष्ठ 4 देखें।)", "आगे बढ़िए।"]),
        SplitCase("धन्यवाद॥ ⁁फिर मिलेंगे।", ["धन्यवाद॥", "फिर मिलेंगे।"]),
        SplitCase("ठीक है।\n⁁कल मिलते हैं।", ["ठीक है।", "कल मिलते हैं।"]),
        SplitCase("आप कैसे हैं?\n⁁मैं ठीक हूँ।", ["आप कैसे हैं?", "मैं ठीक हूँ।"]),
        SplitCase("Wow! य⁁ह तो कमाल है।", ["Wow!", "यह तो कमाल है।"]),
        SplitCase("शाबाश! A⁁ll done.", ["शाबाश!", "All done."]),
    ]
}
