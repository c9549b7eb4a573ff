import SwitchboardCore

/// `tts-cache --normalize-only`: each `sentence` or `text` event becomes a `text` event carrying
/// what would be synthesized (`spoken.said`), and nothing is synthesized. Other frames pass on.
public struct SpokenTextOnly: ProcessingStage {
    public let name = "tts-cache"
    public let settings: SpeechSettings

    public init(settings: SpeechSettings) { self.settings = settings }

    public func makeProcessor() -> any FrameProcessor { Processor(settings: settings) }

    struct Processor: FrameProcessor {
        let settings: SpeechSettings

        func process(_ frame: Frame, into output: inout [Frame]) -> ProcessorStep {
            guard let event = frame.event, event.type == "sentence" || event.type == "text", let text = event["text"]?.string else {
                output.append(frame)
                return frame.type == "stop" ? .end : .more
            }
            output.append(.event(.text(settings.said(text))))
            return .more
        }

        func finish(into output: inout [Frame]) {}
    }
}
