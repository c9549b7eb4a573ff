import SwitchboardCore

/// The `StageFailure` that `body` throws; nil when it throws none.
func stageFailure(_ body: () throws -> Any?) -> StageFailure? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? StageFailure
    }
}

/// The `StageFailure` that parsing `argv` throws; nil when it parses.
func parseFailure(_ argv: [String]) async -> StageFailure? {
    do {
        _ = try await parsed(argv)
        return nil
    } catch {
        return error as? StageFailure
    }
}
