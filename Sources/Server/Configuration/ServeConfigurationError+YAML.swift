import Yams

extension ServeConfigurationError {
    /// A YAML syntax error from Yams, at the line and column libyaml reported.
    init(yaml error: any Error, file: String) {
        guard let yamlError = error as? YamlError else {
            self.init(file: file, message: "YAML syntax error: \(error)")
            return
        }
        func at(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> ServeConfigurationError {
            let during = context.map { " (\($0.text))" } ?? ""
            return ServeConfigurationError(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(problem)\(during)")
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _):
            // Where the scanner started the token it could not finish (an unclosed quote) is
            // where the mistake is; the problem mark is often where the text ran out.
            self = at(context?.mark ?? mark, problem, context)
        case let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            self = at(mark, problem, context)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            self.init(file: file, line: context.mark.line, column: context.mark.column, message: "duplicate key \(keys)")
        case let .reader(problem, _, _, _):
            self.init(file: file, message: "unreadable text: \(problem)")
        default:
            self.init(file: file, message: "YAML syntax error: \(yamlError)")
        }
    }
}
