/// The scenario's `expect:` list against the finished call: one failure line per miss,
/// `FILE:LINE:` first, saying what was expected and what happened.
enum ExpectationCheck {
    static func failures(_ scenario: Scenario, report: CallReport, hasTrace: Bool) -> [String] {
        var failures: [String] = []
        for expectation in scenario.expectations {
            let place = "\(scenario.source):\(expectation.line):"
            switch expectation.check {
            case .replyContains(let text):
                guard hasTrace else {
                    failures.append("\(place) reply_contains \"\(text)\" cannot be checked: the agent's words come from the server's trace (--trace-dir)")
                    continue
                }
                let replies = report.turns.compactMap(\.agentText)
                if !replies.contains(where: { ScenarioCheck.reply($0, contains: text) }) {
                    let heard = replies.isEmpty ? "no agent words in the trace" : "the agent said: " + replies.map { "\"\($0)\"" }.joined(separator: " / ")
                    failures.append("\(place) no reply contains \"\(text)\"; \(heard)")
                }
            case .endsWith(let ending):
                if report.ending != ending.rawValue {
                    failures.append("\(place) expected the call to end with \(ending.rawValue), it ended with \(report.ending ?? "nothing (the line broke)")")
                }
            case .transferTo(let destination):
                if report.ending != ScenarioEnding.transfer.rawValue || report.transferTo != destination {
                    let actual = report.ending == "transfer" ? "a transfer to \(report.transferTo ?? "?")" : (report.ending ?? "nothing")
                    failures.append("\(place) expected a transfer to \(destination), the call ended with \(actual)")
                }
            }
        }
        return failures
    }
}
