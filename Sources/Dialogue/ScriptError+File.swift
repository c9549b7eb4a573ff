import Foundation

extension ScriptError {
    /// The text of a YAML file the dialogue reads (a script, a case file); a missing or
    /// unreadable file is an error without a line. `what` names it in the message.
    static func text(of path: String, what: String) throws(ScriptError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read \(what) (not UTF-8 text, or no permission)" : "no such file"
            throw ScriptError(file: path, message: reason)
        }
    }
}
