import Channels
import SwitchboardCore

/// The `stt-stream` stage: caller audio and `vad` events in, `transcript` events out
/// (DESIGN §1–§2). The audio is consumed (`--pass-audio` sends it on too); everything else
/// passes through in order.
///
/// Each utterance — from `--pre-roll-ms` before `vad start` to `vad end` — goes to the engines
/// (`STTEngine`) of the active group: interims while the caller speaks, finals as they settle,
/// `endpoint:true` on the last one. A `listen` event from `llm-stream` narrows what the next
/// utterance is recognized against (pocketsphinx's grammar rule) and tells competing engines
/// which answer makes sense. An engine that fails is an `error` event; the next one takes
/// over and hears the unanswered utterances from their beginning.
///
/// Three tasks: the reader (frames in, audio to the engines), the engines' own tasks, and the
/// writer (one bounded outbox out, so results and passed-through frames never interleave
/// mid-frame and a slow reader downstream holds the engines back).
public struct STTStream: Stage {
    public let name = "stt-stream"
    public let settings: STTSettings

    public init(settings: STTSettings) { self.settings = settings }

    public func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
        let outbox = BoundedChannel<Frame>(limits: .init(count: 64))
        let call = RecognitionCall(settings: settings, stage: name, outbox: outbox)
        await call.start()
        try await withTaskCancellationHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    defer { outbox.finish() }
                    for await frame in input {
                        guard try await call.handle(frame) else { return }
                    }
                    try await call.finish()
                }
                group.addTask {
                    for await frame in outbox { try await output.send(frame) }
                }
                do {
                    while try await group.next() != nil {}
                } catch {
                    outbox.close()
                    group.cancelAll()
                    throw error
                }
            }
        } onCancel: {
            call.cancelAll()
        }
        call.cancelAll()
    }
}
