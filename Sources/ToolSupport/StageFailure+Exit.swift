import Logging
import SwitchboardCore

extension StageFailure {
    /// Runs `body` (building a stage, say); a `StageFailure` from it is logged and ends the
    /// command with its exit status, as the stage's own failures do.
    public static func exitingOnFailure<T>(logger: Logger, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as StageFailure {
            logger.error("\(failure.message)")
            try failure.status.exit()
        }
    }
}
