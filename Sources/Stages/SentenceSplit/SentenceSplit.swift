import SwitchboardCore

/// The `sentence-split` stage: turns the agent's streamed `token` events into `sentence` events
/// (`turn`, `index`, `text`), each sent the moment its end is certain, so that speech synthesis
/// can start on the first sentence while the rest is still being generated (DESIGN §1–§2).
///
/// Consumed: `token`, and `text` (plain lines: split on their own, in turn 0 unless they carry a
/// `turn`). Watched and passed on: `response.start`, `response.end` (flushes the turn, or drops
/// it when `interrupted`), `interrupt` (drops turns up to N), `start` (a new call), `stop` (flushes
/// and ends). Everything else is passed on unchanged.
public struct SentenceSplit: ProcessingStage {
    public let name = "sentence-split"
    public var settings: SentenceSplitter.Settings

    public init(settings: SentenceSplitter.Settings = .init()) { self.settings = settings }

    public func makeProcessor() -> any FrameProcessor { Processor(stage: self) }

    /// One call's turns.
    struct Processor: FrameProcessor {
        let stage: SentenceSplit
        var turns: TurnTexts
        /// The turn of tokens that do not name one: the last `response.start`'s.
        var currentTurn = 0

        init(stage: SentenceSplit) {
            self.stage = stage
            turns = TurnTexts(settings: stage.settings)
        }

        mutating func process(_ frame: Frame, into output: inout [Frame]) -> ProcessorStep {
            guard case .event(let event) = frame else {
                output.append(frame)
                return .more
            }
            switch event.type {
            case "token", "text":
                guard let text = event["text"]?.string else {
                    output.append(.event(Event.error(stage: stage.name, message: "\(event.type) event without a \"text\" string: dropped")))
                    return .more
                }
                let turn: Int
                if let given = event["turn"] {
                    guard let number = given.int else {
                        output.append(.event(Event.error(stage: stage.name, message: "\(event.type) event with a \"turn\" that is not an integer (\(JSONWriter.string(given))): dropped")))
                        return .more
                    }
                    turn = number
                } else {
                    turn = event.type == "token" ? currentTurn : 0
                }
                send(turns.append(text, turn: turn), into: &output)
                // A line of plain text is complete: it ends where the line did.
                if event.type == "text" { send(turns.flush(turn: turn), into: &output) }
            case "response.start":
                if let turn = event["turn"]?.int, !turns.isDropped(turn) {
                    currentTurn = turn
                    turns.begin(turn: turn)
                }
                output.append(frame)
            case "response.end":
                if let turn = event["turn"]?.int {
                    if event["reason"]?.string == "interrupted" { turns.discard(turn: turn) } else { send(turns.flush(turn: turn), into: &output) }
                }
                output.append(frame)
            case "interrupt":
                if let turn = event["turn"]?.int { turns.interrupt(through: turn) }
                output.append(frame)
            case "start":
                send(turns.flushAll(), into: &output)
                turns.reset()
                output.append(frame)
            case "stop":
                send(turns.flushAll(), into: &output)
                output.append(frame)
                return .end
            default:
                output.append(frame)
            }
            return .more
        }

        mutating func finish(into output: inout [Frame]) {
            send(turns.flushAll(), into: &output)
        }

        private func send(_ sentences: [TurnTexts.Sentence], into output: inout [Frame]) {
            for sentence in sentences {
                output.append(.event(Event("sentence", ["turn": .int(sentence.turn), "index": .int(sentence.index), "text": .string(sentence.text)])))
                if let delay = sentence.sinceResponseStart {
                    output.append(.event(Event.trace(stage: stage.name, name: "sentence.first", turn: sentence.turn, ms: delay.milliseconds)))
                }
            }
        }
    }
}
