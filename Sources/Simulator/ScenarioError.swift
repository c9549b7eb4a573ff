import Yams

/// Why a scenario file cannot be run, and where in it.
///
/// `switchboard simulate` prints `description` and exits 78 (66 when the file cannot be read at
/// all), so the message is written for the person editing the YAML: file, line, column and the
/// key, the way a compiler reports a mistake.
public struct ScenarioError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file as the user named it; only used in messages.
    public var file: String
    /// 1-based; nil when the problem is the file as a whole.
    public var line: Int?
    /// 1-based, in Unicode scalars (as libyaml counts); nil when only the line is known.
    public var column: Int?
    public var message: String
    /// The file could not be read (exit 66), rather than read and found wrong (78).
    public var isUnreadable: Bool

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, isUnreadable: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.isUnreadable = isUnreadable
    }

    /// `call.scenario.yaml:7:5: unknown key "sya" in a step (expected …)`
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if line != nil, let column { location += ":\(column)" }
        return "\(location): \(message)"
    }

    /// The exit status a tool reports this error with (sysexits: EX_NOINPUT, EX_CONFIG).
    public var exitStatus: Int32 { isUnreadable ? 66 : 78 }
}

extension ScenarioError {
    /// A syntax error from the YAML parser, placed where libyaml saw it.
    init(yamlSyntax error: any Error, file: String) {
        guard let yamlError = error as? YamlError else {
            self.init(file: file, message: "YAML syntax error: \(error)")
            return
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _):
            // An unclosed quote is reported where the text ran out; where the token began is
            // where the user has to look.
            let at = context?.mark ?? mark
            self.init(file: file, line: at.line, column: at.column, message: "YAML syntax error: \(problem)" + Self.during(context))
        case let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            self.init(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(problem)" + Self.during(context))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            self.init(file: file, line: context.mark.line, column: context.mark.column, message: "duplicate key \(keys)")
        case let .reader(problem, _, _, _):
            self.init(file: file, message: "the file is not UTF-8 text: \(problem)")
        default:
            self.init(file: file, message: "YAML syntax error: \(yamlError)")
        }
    }

    private static func during(_ context: YamlError.Context?) -> String {
        context.map { " (\($0.text))" } ?? ""
    }
}
