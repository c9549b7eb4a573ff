import Logging
import SwitchboardCore

/// Binds a stage to this process's stdin and stdout: the thin part of every stage executable.
public enum StdioBinding {
    /// Runs `stage` over frames read from stdin and returns the exit status to end with:
    /// 0, 65 when the input ended inside a payload, or the stage's own failure status.
    public static func run(_ stage: some Stage, encoding: FrameEncoding, logger: Logger) async -> ExitStatus {
        await run(stage, output: FrameWriter(fileDescriptor: 1, encoding: encoding), logger: logger)
    }

    /// Runs `stage` over frames read from stdin into `output`: stdout in another form than
    /// frames (plain text for a person, say). The exit status is as above.
    public static func run(_ stage: some Stage, output: some FrameSink, logger: Logger) async -> ExitStatus {
        let input = FrameReader(fileDescriptor: 0, stage: stage.name)
        let status = await run(stage, input: input, output: output, logger: logger)
        if status == .ok, input.status.sawDataError { return .dataError }
        return status
    }

    /// Runs `stage` from any frame sequence to any sink, mapping its outcome to an exit status.
    public static func run(
        _ stage: some Stage, input: some AsyncSequence<Frame, Never> & Sendable, output: some FrameSink, logger: Logger
    ) async -> ExitStatus {
        await exitStatus(finishing: output, logger: logger) { try await stage.run(input, to: output) }
    }

    /// Runs `body` (a stage, a whole graph) and maps how it ended to an exit status: 0, also
    /// when the reader downstream went away (`| head`); a `StageFailure`'s own status; 70 for
    /// anything else. `output` is finished in every case (finishing twice does no harm).
    public static func exitStatus(finishing output: some FrameSink, logger: Logger, _ body: () async throws -> Void) async -> ExitStatus {
        do {
            try await body()
            try await output.finish()
            return .ok
        } catch let closed as FileDescriptorWriter.Closed where closed.errno == EPIPE {
            // The reader downstream went away (`| head`): not our failure.
            logger.debug("downstream closed the pipe")
            return .ok
        } catch let failure as StageFailure {
            try? await output.finish()
            logger.error("\(failure.message)")
            return failure.status
        } catch {
            try? await output.finish()
            logger.error("\(error)")
            return .software
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
