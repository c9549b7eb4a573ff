/// Why a `switchboard serve` configuration cannot be used, and where in its file.
///
/// `switchboard check` prints `description` and exits 78 (66 when the file cannot be read), so
/// the message is written for the person editing the YAML: it names the file, the line and
/// column, and the key, the way a compiler does.
public struct ServeConfigurationError: Error, CustomStringConvertible, Equatable {
    /// The file as the user named it; only used in messages.
    public var file: String
    /// 1-based; nil when the problem is the file as a whole.
    public var line: Int?
    /// 1-based, counted in Unicode scalars; nil when only the line is known.
    public var column: Int?
    public var message: String
    /// The file could not be read at all (exit 66), rather than read and found wrong (78).
    public var isUnreadable = false

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, isUnreadable: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.isUnreadable = isUnreadable
    }

    /// `switchboard.yaml:12:5: unknown key "max_call" in limits (expected …)`
    public var description: String {
        switch (line, column) {
        case let (line?, column?): "\(file):\(line):\(column): \(message)"
        case let (line?, nil): "\(file):\(line): \(message)"
        default: "\(file): \(message)"
        }
    }
}
