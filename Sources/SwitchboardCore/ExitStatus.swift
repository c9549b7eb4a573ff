/// Exit statuses shared by every tool (BSD sysexits, DESIGN §2).
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    /// Bad command-line usage.
    case usage = 64
    /// Bad input data, e.g. a truncated payload at end of input.
    case dataError = 65
    /// Every engine unavailable.
    case unavailable = 69
    /// Internal error.
    case software = 70
    /// Cannot open an input file.
    case noInput = 66
    /// Cannot create an output file.
    case cannotCreate = 73
    /// Bad configuration: a missing key, a malformed script.
    case config = 78
}
