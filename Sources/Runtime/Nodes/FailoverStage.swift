import Logging
import SwitchboardCore

/// A node with stand-ins, `a || b`: `a` serves the call until it fails, then `b` takes over
/// for the rest of the call, starting from the conversation `a` left behind.
///
/// `a` has failed when it throws (a subprocess exiting with a status other than 0), when it
/// ends before its input does without a `stop` having passed, when it sends an `error` with
/// `fatal:true`, or when frames wait in its input channel for longer than `stall` without it
/// taking any. `b` is handed the last `context` event `a` sent, so that it continues the
/// conversation instead of starting over, then the frames `a` was given after that context
/// (`InputCursor`): the one `a` failed on gets its answer from `b`. The switch is reported
/// downstream as a non-fatal `error` event naming both.
public struct FailoverStage: Stage {
    public let alternatives: [any Stage]
    public let stall: Duration
    public let logger: Logger
    public var name: String { alternatives.map(\.name).joined(separator: " || ") }

    public init(alternatives: [any Stage], stall: Duration, logger: Logger) {
        precondition(!alternatives.isEmpty)
        self.alternatives = alternatives
        self.stall = stall
        self.logger = logger
    }

    public func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
        let cursor = InputCursor(input.makeAsyncIterator())
        let watch = AlternativeWatch(output: output, onContext: { cursor.checkpoint() })
        for (index, alternative) in alternatives.enumerated() {
            do {
                try await serve(alternative, from: cursor, watch: watch)
                return
            } catch {
                guard index + 1 < alternatives.count else { throw error }
                if Task.isCancelled { throw CancellationError() }
                cursor.replayHandedOver()
                let next = alternatives[index + 1].name
                logger.warning("\(alternative.name) failed (\(error)): \(next) takes over", metadata: CallContext.id.map { ["call": "\($0)"] })
                try await output.send(.error(stage: name, message: "\(alternative.name) failed (\(error)); switched to \(next)"))
            }
        }
    }

    /// Runs one alternative until the input ends (success) or it fails (throws).
    private func serve(_ alternative: any Stage, from cursor: InputCursor, watch: AlternativeWatch<some FrameSink>) async throws {
        let feed = FrameChannel()
        if let context = watch.lastContext { _ = feed.offer(.event(context)) }
        try await withThrowingTaskGroup(of: Step.self) { group in
            group.addTask {
                do {
                    try await alternative.run(feed, to: watch)
                    return .ran
                } catch {
                    return .failed(error)
                }
            }
            group.addTask { await forward(cursor, into: feed) }
            group.addTask { await detectStall(in: feed) }
            var inputEnded = false
            while let step = try await group.next() {
                switch step {
                case .inputEnded:
                    inputEnded = true
                case .ran where inputEnded || cursor.sawStop:
                    group.cancelAll()
                    return
                case .ran:
                    throw AlternativeFailure.endedEarly
                case .failed(let error):
                    throw error
                case .stalled:
                    throw AlternativeFailure.stalled(stall)
                case .stopped:
                    break  // the runner's own step says why
                }
            }
        }
    }

    private enum Step: Sendable {
        /// `stopped`: the forwarder found the feed closed, or the watchdog was called off.
        case ran, failed(any Error), inputEnded, stalled, stopped
    }

    /// Moves input frames into the alternative's channel; a frame it could not hand over is
    /// put back for the next alternative.
    private func forward(_ cursor: InputCursor, into feed: FrameChannel) async -> Step {
        while let frame = await cursor.next() {
            do {
                try await feed.send(frame)
                cursor.handedOver(frame)
            } catch {
                cursor.putBack(frame)
                return .stopped
            }
        }
        feed.finish()
        return .inputEnded
    }

    /// Returns when frames have waited in `feed` for a whole `stall` without the alternative
    /// taking any (checked every half `stall`: noticed within 1.5 × `stall`).
    private func detectStall(in feed: FrameChannel) async -> Step {
        var taken = feed.handedOut
        var idleChecks = 0
        while !Task.isCancelled {
            try? await Task.sleep(for: stall / 2)
            let takenNow = feed.handedOut
            idleChecks = takenNow == taken && feed.count > 0 ? idleChecks + 1 : 0
            taken = takenNow
            if idleChecks >= 2 { return .stalled }
        }
        return .stopped
    }
}

/// Why an alternative was given up, when it did not say so itself.
enum AlternativeFailure: Error, CustomStringConvertible {
    case endedEarly
    case stalled(Duration)
    case sentFatalError(String)

    var description: String {
        switch self {
        case .endedEarly: "it ended before its input did"
        case .stalled(let limit): "it took no input for \(limit)"
        case .sentFatalError(let message): "fatal error: \(message)"
        }
    }
}
