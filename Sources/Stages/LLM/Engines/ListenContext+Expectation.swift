import Dialogue

extension ListenContext {
    /// The `listen` event's content for what a script waits for.
    public init(_ expectation: ListenExpectation) {
        self.init(state: expectation.state, grammar: expectation.grammarRule,
                  slots: expectation.slots.map { Slot(name: $0.name, type: $0.type, values: $0.values) },
                  intents: expectation.intents)
    }
}
