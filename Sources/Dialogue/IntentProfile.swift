import Foundation

/// An intent's words as the similarity scorer sees them: its examples' and keywords' terms
/// (`MatchTerms`), each weighted by how distinctive it is among all the script's intents.
///
/// Weights are inverse document frequencies over intents: with five intents, a term only
/// "book" uses weighs ln(6/2) ≈ 1.1, one that three intents use ln(6/4) ≈ 0.4, and one all of
/// them use nearly nothing. Built once when the script is loaded.
struct IntentProfile: Sendable {
    /// Term → weight, for every term of the intent.
    var weights: [String: Double] = [:]
    /// Each example's distinct terms.
    var examples: [Set<String>] = []
    /// Slots the intent goes on to collect (its `goto` state and the states `next` leads to)
    /// or its examples hold: a caller who opens with "thursday at ten, name's Ali" is booking.
    var leadsTo: Set<String> = []

    /// Fills `profile` of every intent of the script, and returns the script's vocabulary.
    static func build(global: inout [IntentDefinition], states: inout [StateDefinition]) -> TermVocabulary {
        func termSets(_ intent: IntentDefinition) -> [Set<String>] {
            // A placeholder is a term too ("{date}"): said when the utterance holds such a value.
            let examples = intent.examples.map { Set(MatchTerms.terms(of: $0.words) + $0.slotNames.map { "{\($0)}" }) }
            let keywords = intent.keywordTokens.map { Set(MatchTerms.terms(of: $0)) }
            return (examples + keywords).filter { !$0.isEmpty }
        }
        let all = global + states.flatMap(\.intents)
        var frequency: [String: Int] = [:]
        for intent in all {
            for term in termSets(intent).reduce(Set(), { $0.union($1) }) { frequency[term, default: 0] += 1 }
        }
        let count = Double(all.count)
        let byName = Dictionary(states.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func collected(from start: String?) -> Set<String> {
            var slots: Set<String> = []
            var visited: Set<String> = []
            var name = start
            while let current = name, visited.insert(current).inserted, let state = byName[current] {
                slots.formUnion(state.collect.map(\.slot))
                name = state.next
            }
            return slots
        }
        func weight(_ term: String) -> Double { log((count + 1) / Double(frequency[term, default: 0] + 1)) + 0.05 }
        func profiled(_ intent: IntentDefinition) -> IntentDefinition {
            var intent = intent
            let sets = termSets(intent)
            intent.profile.examples = sets
            intent.profile.leadsTo = collected(from: intent.goto).union(intent.examples.flatMap(\.slotNames))
            for term in sets.reduce(Set(), { $0.union($1) }) { intent.profile.weights[term] = weight(term) }
            return intent
        }
        global = global.map(profiled)
        for index in states.indices { states[index].intents = states[index].intents.map(profiled) }
        return TermVocabulary(terms: Set(frequency.keys), weight: weight)
    }
}
