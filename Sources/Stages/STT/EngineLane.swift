import Audio
import Channels
import Speech
import SwitchboardCore

/// One engine recognizing one call: the channel it reads, the task running it, and the
/// conversion of the call's audio to its format. Owned by the `RecognitionCall` actor.
final class EngineLane {
    let id: Int
    let engine: any STTEngine
    /// The engine's group (failover position) in `STTSettings.groups`.
    let group: Int
    let inputs: BoundedChannel<RecognitionInput>
    private var audio: EngineAudio?
    /// Its key in the call's task registry.
    var task: Int?
    /// The stage has said all it will (`stop`): the engine may end normally now.
    private(set) var inputFinished = false
    /// Its `recognize` has returned after the input finished.
    var done = false
    private let quality: ResamplerQuality

    /// Room for one second of 20 ms frames beyond `backlog` (a replayed utterance).
    init(id: Int, engine: any STTEngine, group: Int, backlog: Int, quality: ResamplerQuality) {
        self.id = id
        self.engine = engine
        self.group = group
        self.quality = quality
        inputs = BoundedChannel(limits: .init(count: backlog + 50))
    }

    var name: String { engine.name }

    func finishInputs() {
        inputFinished = true
        inputs.finish()
    }

    /// `frame` in this engine's format (the conversion is set up by the first frame).
    func convert(_ frame: AudioFrame) throws -> AudioChunk {
        let format = SpeechFormat(codec: frame.codec, rate: frame.rate)
        if audio == nil { audio = EngineAudio(target: engine.inputFormat(for: format), quality: quality) }
        return try audio!.convert(frame)
    }

    /// The resampler's tail at an utterance's end.
    func finishAudio(ts: Int) -> AudioChunk? { audio?.finish(ts: ts) }
}
