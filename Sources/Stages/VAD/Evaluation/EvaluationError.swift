/// Why a corpus or another detector's decisions cannot be scored; the message names the file.
public struct EvaluationError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
