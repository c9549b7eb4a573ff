/// Why a dialogue script could not be used, and where in the file.
///
/// `llm-stream` prints `description` and exits 78 (bad configuration), so the message is written
/// for the person editing the YAML: it points at a line and column and names the offending key or
/// value, the way a compiler does.
public struct ScriptError: Error, CustomStringConvertible, Equatable {
    /// The file as the user named it; only used in messages.
    public var file: String
    /// 1-based; nil when the problem is the file as a whole (missing, unreadable, empty).
    public var line: Int?
    /// 1-based, counted in Unicode scalars; nil when only the line is known.
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `receptionist.yaml:12:5: unknown slot type "dat" (expected number, date, time, yesno, name, text)`
    public var description: String {
        switch (line, column) {
        case let (line?, column?): "\(file):\(line):\(column): \(message)"
        case let (line?, nil): "\(file):\(line): \(message)"
        default: "\(file): \(message)"
        }
    }
}
