import Foundation
import SwitchboardCore

extension Event {
    /// A `trace` event (DESIGN §1): a timed span of one turn, `ms` to a tenth, stamped `at` now
    /// (Unix ms).
    static func trace(stage: String, name: String, turn: Int, ms: Double) -> Event {
        Event("trace", ["stage": .string(stage), "name": .string(name), "turn": .int(turn),
                        "ms": .double((ms * 10).rounded() / 10), "at": .int(Int(Date().timeIntervalSince1970 * 1000))])
    }
}
