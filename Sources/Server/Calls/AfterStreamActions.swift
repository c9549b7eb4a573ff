import Synchronization
import Telephony

/// What `<Connect action>` answers for a call whose stream this server closed: a transfer
/// asked for without REST credentials becomes `<Dial>`, anything else `<Hangup/>`. Entries
/// are taken once; the table is bounded (old entries go first) so calls Twilio never asks
/// about cannot grow it.
final class AfterStreamActions: Sendable {
    private struct Table {
        var actions: [String: String] = [:]
        var order: [String] = []
    }

    private let table = Mutex(Table())
    private let limit: Int

    init(limit: Int = 4096) { self.limit = limit }

    func transfer(callSID: String, to target: String) {
        table.withLock { table in
            if table.actions.updateValue(target, forKey: callSID) == nil { table.order.append(callSID) }
            if table.order.count > limit { table.actions.removeValue(forKey: table.order.removeFirst()) }
        }
    }

    /// The TwiML for the call's `action` request.
    func twiml(callSID: String) -> String {
        let target = table.withLock { table -> String? in
            guard let target = table.actions.removeValue(forKey: callSID) else { return nil }
            table.order.removeAll { $0 == callSID }
            return target
        }
        return target.map { TwiML.dial($0) } ?? TwiML.hangup()
    }
}
