import Logging
import SwitchboardCore

/// A node with stand-ins, `a || b`: `a` serves the call until it fails, then `b` takes over
/// for the rest of the call, starting from the conversation `a` left behind.
///
/// `a` has failed when it throws (a subprocess exiting with a status other than 0), when it
/// ends before its input does without a `stop` having passed, when it sends an `error` with
/// `fatal:true`, or when it stops taking input for longer than `stall` (its input channel
/// stays full). The frame it did not take goes to `b`, after the last `context` event `a`
/// sent, so `b` continues the conversation instead of starting over. The switch is reported
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
        let watch = AlternativeWatch(output: output)
        for (index, alternative) in alternatives.enumerated() {
            let isLast = index == alternatives.count - 1
            let failure: (any Error)?
            do {
                try await serve(alternative, from: cursor, watch: watch)
                return
            } catch {
                failure = error
            }
            guard !isLast, let failure else { throw failure ?? CancellationError() }
            if Task.isCancelled { throw CancellationError() }
            let next = alternatives[index + 1].name
            logger.warning("\(alternative.name) failed (\(failure)): \(next) takes over", metadata: CallContext.id.map { ["call": "\($0)"] })
            try await output.send(.error(stage: name, message: "\(alternative.name) failed (\(failure)); switched to \(next)"))
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
                case .feedClosed:
                    break  // the runner's own step says why
                }
            }
        }
    }

    private enum Step: Sendable {
        case ran, failed(any Error), inputEnded, stalled, feedClosed
    }

    /// Moves input frames into the alternative's channel; a frame it could not hand over is
    /// put back for the next alternative.
    private func forward(_ cursor: InputCursor, into feed: FrameChannel) async -> Step {
        defer { if Task.isCancelled { feed.close() } }
        while let frame = await cursor.next() {
            switch feed.offer(frame) {
            case .accepted: continue
            case .closed:
                cursor.putBack(frame)
                return .feedClosed
            case .full:
                switch await send(frame, to: feed, within: stall) {
                case .sent: continue
                case .closed:
                    cursor.putBack(frame)
                    return .feedClosed
                case .timedOut:
                    cursor.putBack(frame)
                    return .stalled
                }
            }
        }
        if Task.isCancelled { return .feedClosed }
        feed.finish()
        return .inputEnded
    }

    private enum Delivery: Sendable { case sent, closed, timedOut }

    private func send(_ frame: Frame, to feed: FrameChannel, within limit: Duration) async -> Delivery {
        await withTaskGroup(of: Delivery.self) { race in
            race.addTask {
                do {
                    try await feed.send(frame)
                    return .sent
                } catch {
                    return Task.isCancelled ? .timedOut : .closed
                }
            }
            race.addTask {
                try? await Task.sleep(for: limit)
                return .timedOut
            }
            let first = await race.next() ?? .closed
            race.cancelAll()
            return first
        }
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
