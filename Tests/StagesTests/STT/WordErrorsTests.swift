import Stages
import Testing

@Suite struct WordErrorsTests {
    @Test(arguments: [
        ("tomorrow at ten", "tomorrow at ten", 0),
        ("Tomorrow at ten.", "tomorrow at ten", 0),
        ("tomorrow at ten", "tomorrow at eight", 1),      // a substitution
        ("tomorrow at ten", "tomorrow ten", 1),           // a deletion
        ("tomorrow at ten", "tomorrow at at ten", 1),     // an insertion
        ("my name is asha", "", 4),
        ("that's right", "that is right", 2),
    ])
    func countsTheFewestEdits(reference: String, hypothesis: String, errors: Int) {
        #expect(WordErrors(reference: reference, hypothesis: hypothesis).errors == errors)
    }

    @Test func rateIsOverTheReferenceWords() {
        let total = WordErrors(reference: "yes please", hypothesis: "yes") + WordErrors(reference: "at ten", hypothesis: "at ten")
        #expect(total.rate == 0.25)
        #expect(WordErrors(reference: "", hypothesis: "").rate == 0)
        #expect(WordErrors(reference: "", hypothesis: "noise").rate == 1)
    }
}
