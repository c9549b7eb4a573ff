import SwitchboardCore

/// The `sentence-split` stage: turns the agent's streamed `token` events into `sentence` events
/// (`turn`, `index`, `text`), each sent the moment its end is certain, so that speech synthesis
/// can start on the first sentence while the rest is still being generated (DESIGN §1–§2).
///
/// Consumed: `token`, and `text` (plain lines: split on their own, in turn 0 unless they carry a
/// `turn`). Watched and passed on: `response.start`, `response.end` (flushes the turn, or drops
/// it when `interrupted`), `interrupt` (drops turns up to N), `start` (a new call), `stop` (flushes
/// and ends). Everything else is passed on unchanged.
public struct SentenceSplit: Stage {
    public let name = "sentence-split"
    public var settings: SentenceSplitter.Settings

    public init(settings: SentenceSplitter.Settings = .init()) { self.settings = settings }

    public func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
        var turns = TurnTexts(settings: settings)
        /// The turn of tokens that do not name one: the last `response.start`'s.
        var currentTurn = 0

        func send(_ sentences: [TurnTexts.Sentence]) async throws {
            for sentence in sentences {
                try await output.send(Event("sentence", ["turn": .int(sentence.turn), "index": .int(sentence.index), "text": .string(sentence.text)]))
                if let delay = sentence.sinceResponseStart {
                    try await output.send(Event.trace(stage: name, name: "sentence.first", turn: sentence.turn, ms: delay.milliseconds))
                }
            }
        }

        for await frame in input {
            guard case .event(let event) = frame else {
                try await output.send(frame)
                continue
            }
            switch event.type {
            case "token", "text":
                guard let text = event["text"]?.string else {
                    try await output.send(Event.error(stage: name, message: "\(event.type) event without a \"text\" string: dropped"))
                    continue
                }
                let turn: Int
                if let given = event["turn"] {
                    guard let number = given.int else {
                        try await output.send(Event.error(stage: name, message: "\(event.type) event with a \"turn\" that is not an integer (\(JSONWriter.string(given))): dropped"))
                        continue
                    }
                    turn = number
                } else {
                    turn = event.type == "token" ? currentTurn : 0
                }
                try await send(turns.append(text, turn: turn))
                // A line of plain text is complete: it ends where the line did.
                if event.type == "text" { try await send(turns.flush(turn: turn)) }
            case "response.start":
                if let turn = event["turn"]?.int, !turns.isDropped(turn) {
                    currentTurn = turn
                    turns.begin(turn: turn)
                }
                try await output.send(frame)
            case "response.end":
                if let turn = event["turn"]?.int {
                    if event["reason"]?.string == "interrupted" { turns.discard(turn: turn) } else { try await send(turns.flush(turn: turn)) }
                }
                try await output.send(frame)
            case "interrupt":
                if let turn = event["turn"]?.int { turns.interrupt(through: turn) }
                try await output.send(frame)
            case "start":
                try await send(turns.flushAll())
                turns.reset()
                try await output.send(frame)
            case "stop":
                try await send(turns.flushAll())
                try await output.send(frame)
                return
            default:
                try await output.send(frame)
            }
        }
        try await send(turns.flushAll())
    }
}
