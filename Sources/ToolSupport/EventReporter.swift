import Logging
import Stdio
import Stages
import SwitchboardCore

extension Logger {
    /// For outputs that cannot carry events (Twilio messages, raw audio, sound files): an
    /// `error` event must still not vanish, so it goes to stderr.
    func report(_ event: Event) {
        guard event.type == "error" else { return }
        var line = "\(event["stage"]?.string ?? "?"): \(event["message"]?.string ?? JSONWriter.string(.object(event.fields)))"
        if let offset = event["offset"]?.int { line += " (input byte \(offset))" }
        if event["fatal"]?.bool == true { critical("\(line)") } else { error("\(line)") }
    }
}
