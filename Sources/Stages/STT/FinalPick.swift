import Foundation

/// Chooses one final among engines in competition for one utterance.
///
/// The final that reads as what the dialogue asked for wins: after "Which day would you like?"
/// an engine that heard "tuesday" beats one that heard "choose day", whatever their confidences
/// (engines' confidences are not on one scale). When none or several do, the higher confidence
/// wins; on a tie, the engine listed first.
struct FinalPick {
    struct Candidate: Equatable {
        var engine: String
        var text: String
        var confidence: Double?
    }

    let winner: Candidate
    let reason: String
    /// The other answers, in the order their engines are listed.
    let others: [Candidate]

    /// `candidates` in the order their engines are listed; at least one.
    init(_ candidates: [Candidate], listen: ListenContext?, reads: (String, ListenContext.Slot) -> Bool) {
        precondition(!candidates.isEmpty)
        let slots = listen?.slots ?? []
        let answering = candidates.indices.filter { index in
            !candidates[index].text.isEmpty && slots.contains { reads(candidates[index].text, $0) }
        }
        let pool = answering.isEmpty ? Array(candidates.indices) : answering
        let best = pool.max { a, b in
            let (ca, cb) = (candidates[a].confidence ?? 0, candidates[b].confidence ?? 0)
            return ca != cb ? ca < cb : a > b
        }!
        let winner = candidates[best]
        self.winner = winner
        others = candidates.indices.filter { $0 != best }.map { candidates[$0] }
        if candidates.count == 1 {
            reason = "the only final in time"
        } else if answering.count == 1 {
            let slot = slots.first { reads(winner.text, $0) }!
            reason = "reads as the expected \(slot.name) (\(slot.type))"
        } else {
            let confidence = winner.confidence.map { String(format: "%.2f", $0) } ?? "none"
            reason = (answering.isEmpty ? "" : "several read as expected; ") + "highest confidence (\(confidence))"
        }
    }
}
