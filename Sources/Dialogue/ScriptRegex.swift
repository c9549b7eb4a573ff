/// An intent's `regex`, matched case-insensitively against the normalized utterance (lowercase
/// words separated by single spaces, no punctuation, apostrophes dropped, numbers as said).
///
/// Compiled once, when the script is loaded: a script is parsed once per process and shared by
/// every call, so matching an utterance costs only the match.
struct ScriptRegex: Sendable {
    let pattern: String
    /// Names of the named groups, `(?<name>…)`, in order: each fills the slot of that name.
    let groupNames: [String]
    private let compiled: CompiledRegex

    /// Throws the compiler's description of a pattern that does not compile.
    init(_ pattern: String) throws {
        compiled = CompiledRegex(try Regex(pattern).ignoresCase())
        self.pattern = pattern
        self.groupNames = ScriptRegex.namedGroups(in: pattern)
    }

    /// The text of each named group that took part in the first match, or nil when it does not match.
    func match(_ text: String) -> [String: String]? {
        guard let found = try? compiled.regex.firstMatch(in: text) else { return nil }
        var groups: [String: String] = [:]
        for name in groupNames {
            if let substring = found.output[name]?.substring { groups[name] = String(substring) }
        }
        return groups
    }

    /// `(?<name>` and `(?P<name>` openings, skipping escaped parentheses.
    private static func namedGroups(in pattern: String) -> [String] {
        let chars = Array(pattern)
        var names: [String] = []
        var i = 0
        while i < chars.count {
            if chars[i] == "\\" {
                i += 2
                continue
            }
            if chars[i] == "(", i + 2 < chars.count, chars[i + 1] == "?" {
                var j = i + 2
                if j < chars.count, chars[j] == "P" { j += 1 }
                if j < chars.count, chars[j] == "<", j + 1 < chars.count, chars[j + 1] != "=", chars[j + 1] != "!",
                   let close = chars[(j + 1)...].firstIndex(of: ">") {
                    names.append(String(chars[(j + 1)..<close]))
                }
            }
            i += 1
        }
        return names
    }
}
