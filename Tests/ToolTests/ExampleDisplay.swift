/// How the documentation writes shell examples, and how the commands are read back out of it.
///
/// An example display is a block of literal lines: a fenced ```sh block in the README, the
/// indented lines under `Examples:` in a `--help`, a literal display (`.Dl`, `.Bd -literal`) in
/// a man page's EXAMPLES section. In it:
///
/// - A command goes on over several lines as sh reads it: after a trailing `\`, `|`, `||` or
///   `&&`, or inside quotes.
/// - If any line starts with `$ `, the display is a session: the `$ ` lines (and their
///   continuations) are the commands, every other line is their output. Otherwise every line
///   is a command, unless the display shows a file's contents instead (man pages of section 5).
/// - `# needs: …` in a command says it needs what a test cannot give it, such as the network, a
///   provider's key (`# needs: GROQ_API_KEY`) or minutes of release build: the tests list it as
///   skipped instead of running it. Keep these few.
/// - A command ending in `&` starts a server (`switchboard mock-providers`) for the commands after
///   it; the tests stop it before the next such command and at the end of the document.
enum ExampleDisplay {
    static let prompt = "$ "
    static let needs = "# needs:"

    /// The commands of one display. `unpromptedAreCommands`: whether a display without `$ `
    /// lines holds commands (false where displays show file contents).
    static func commands(in lines: [String], unpromptedAreCommands: Bool = true) -> [String] {
        let lines = dedented(lines)
        let prompted = lines.contains { $0.hasPrefix(prompt) }
        if !prompted && !unpromptedAreCommands { return [] }
        var commands: [String] = []
        var current: String?
        for line in lines {
            if let partial = current {
                current = partial + "\n" + line
            } else if prompted {
                guard line.hasPrefix(prompt) else { continue }  // output
                current = String(line.dropFirst(prompt.count))
            } else {
                guard !line.isBlank else { continue }
                current = line
            }
            if let command = current, !continues(command) {
                commands.append(command)
                current = nil
            }
        }
        if let unfinished = current { commands.append(unfinished) }  // runs, and fails, as written
        return commands
    }

    /// The lines without the indentation they all share.
    static func dedented(_ lines: [String]) -> [String] {
        let common = lines.filter { !$0.isBlank }.map(\.indentation).min() ?? 0
        return lines.map { String($0.dropFirst(min(common, $0.indentation))) }
    }

    /// Whether a command written so far goes on to the next line, as sh would read it: it ends
    /// inside quotes, after a backslash, or after `|`, `||` or `&&` (a comment after them
    /// changes nothing).
    static func continues(_ command: String) -> Bool {
        let scan = ShellScan(command)
        if scan.openQuote || scan.endsEscaped { return true }
        let code = scan.code.trimmingTrailingWhitespace
        return code.hasSuffix("|") || code.hasSuffix("&&")
    }

    /// Whether a complete command runs in the background (`… &`, not `… &&`).
    static func isBackground(_ command: String) -> Bool {
        let code = ShellScan(command).code.trimmingTrailingWhitespace
        return code.hasSuffix("&") && !code.hasSuffix("&&")
    }

    /// A background command without its `&` (and without a comment after it).
    static func withoutBackground(_ command: String) -> String {
        String(ShellScan(command).code.trimmingTrailingWhitespace.dropLast())
    }
}

/// One pass over shell text, as far as examples need: quotes, backslashes, comments.
private struct ShellScan {
    /// The text outside comments.
    var code = ""
    var openQuote = false
    var endsEscaped = false

    init(_ text: String) {
        var quote: Character?
        var escaped = false
        var comment = false
        var previous: Character = "\n"
        for c in text {
            defer { previous = c }
            if comment {
                if c == "\n" { comment = false; code.append(c) }
                continue
            }
            code.append(c)
            if escaped { escaped = false; continue }
            switch quote {
            case "'":
                if c == "'" { quote = nil }
            case "\"":
                if c == "\\" { escaped = true } else if c == "\"" { quote = nil }
            default:
                if c == "\\" {
                    escaped = true
                } else if c == "'" || c == "\"" {
                    quote = c
                } else if c == "#", previous.isWhitespace || previous == ";" || previous == "|" || previous == "&" {
                    comment = true
                    code.removeLast()
                }
            }
        }
        openQuote = quote != nil
        endsEscaped = escaped
    }
}

extension String {
    var trimmingTrailingWhitespace: Substring {
        self[..<(lastIndex { !$0.isWhitespace }.map(index(after:)) ?? startIndex)]
    }
}
