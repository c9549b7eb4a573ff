import Yams

extension ScriptError {
    /// A YAML syntax error from Yams, as a script error at the line and column libyaml reported.
    init(yaml error: any Error, file: String, text: String) {
        guard let yamlError = error as? YamlError else {
            self.init(file: file, message: "YAML syntax error: \(error)")
            return
        }
        func at(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> ScriptError {
            let during = context.map { " (\($0.text))" } ?? ""
            return ScriptError(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(problem)\(during)")
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _):
            // The scanner's context is the token it was reading ("while scanning a quoted
            // scalar"): where the mistake is, while the problem mark is often where the text ran out.
            self = at(context?.mark ?? mark, problem, context)
        case let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            // The parser's context is the enclosing mapping or list, possibly far above.
            self = at(mark, problem, context)
        case let .reader(problem, offset, _, _):
            let (line, column) = offset.map { Self.lineAndColumn(ofCharacter: $0, in: text) } ?? (nil, nil)
            self.init(file: file, line: line, column: column, message: "unreadable text: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            self.init(file: file, line: context.mark.line, column: context.mark.column, message: "duplicate key \(keys)")
        default:
            self.init(file: file, message: "YAML syntax error: \(yamlError)")
        }
    }

    /// 1-based line and column of the character at `offset`.
    private static func lineAndColumn(ofCharacter offset: Int, in text: String) -> (Int?, Int?) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
