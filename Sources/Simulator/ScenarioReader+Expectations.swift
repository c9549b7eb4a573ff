/// The `expect:` list: what the finished call must show, one check per item.
extension ScenarioReader {
    static let checks = ["reply_contains", "ends_with", "transfer_to"]

    func expectations(_ yaml: ScenarioNode) throws(ScenarioError) -> [ScenarioExpectation] {
        var expectations: [ScenarioExpectation] = []
        for item in try yaml.list() {
            let entry = try soleEntry(item, "check", allowed: Self.checks)
            let check: ScenarioCheck
            switch entry.name {
            case "reply_contains":
                check = .replyContains(try entry.value.text())
            case "ends_with":
                let written = try entry.value.text()
                guard let ending = ScenarioEnding(rawValue: written) else {
                    let endings = ScenarioEnding.allCases.map(\.rawValue).joined(separator: ", ")
                    throw entry.value.error("\"\(entry.value.path)\" must be one of \(endings), not \"\(written)\"")
                }
                check = .endsWith(ending)
            default:  // transfer_to
                check = .transferTo(try entry.value.text())
            }
            try refuseContradiction(check, with: expectations, at: item)
            expectations.append(ScenarioExpectation(check, line: item.node.mark?.line ?? 0))
        }
        return expectations
    }

    /// A call ends one way only, so two different endings, or a transfer beside another ending,
    /// can never both pass: the scenario is wrong, not the agent.
    private func refuseContradiction(_ check: ScenarioCheck, with earlier: [ScenarioExpectation], at item: ScenarioNode) throws(ScenarioError) {
        for previous in earlier where Self.contradict(previous.check, check) || Self.contradict(check, previous.check) {
            throw item.error("\(item.path) contradicts the expectation on line \(previous.line): a call ends one way only")
        }
    }

    private static func contradict(_ first: ScenarioCheck, _ second: ScenarioCheck) -> Bool {
        switch (first, second) {
        case let (.endsWith(one), .endsWith(other)): one != other
        case let (.endsWith(ending), .transferTo): ending != .transfer
        case let (.transferTo(one), .transferTo(other)): one != other
        default: false
        }
    }
}
