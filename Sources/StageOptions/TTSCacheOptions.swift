import ArgumentParser
import Foundation
import Logging
import Speech
import SpeechCache
import Stages
import SwitchboardCore

/// `tts-cache`: which engines speak, in what voice and format, and where clips are cached.
public struct TTSCacheOptions: StageOptionSet {
    public static let toolName = "tts-cache"

    @Option(help: ArgumentHelp(
        "Engines tried in order per sentence: espeak, openai, deepgram, elevenlabs, azure, cartesia; NAME:VOICE picks a voice.",
        valueName: "name[:voice],…"))
    var engine = "espeak"

    @Option(help: ArgumentHelp("espeak-ng's voice (`espeak-ng --voices` lists them; en-us, en-gb, hi, en-us+f3…).", valueName: "name"))
    var voice = "en-us"

    @Option(parsing: .unconditional, help: ArgumentHelp("espeak-ng's pace, in words per minute (80–450).", valueName: "wpm"))
    var rate = 175

    @Option(parsing: .unconditional, help: ArgumentHelp("espeak-ng's base pitch, 0–100.", valueName: "n"))
    var pitch = 50

    @Option(parsing: .unconditional, help: ArgumentHelp("Speaking speed asked of HTTP engines that have one (1 is normal).", valueName: "x"))
    var speed = 1.0

    @Option(help: ArgumentHelp("Audio codec sent: mulaw (Twilio's) or pcm16.", valueName: "codec"))
    var codec = AudioCodec.mulaw

    @Option(parsing: .unconditional, help: ArgumentHelp("Sample rate of the audio sent, in Hz.", valueName: "hz"))
    var sampleRate = 8000

    @Option(parsing: .unconditional, help: ArgumentHelp("Length of the audio frames sent.", valueName: "ms"))
    var frameMs = 20

    @Option(parsing: .unconditional, help: ArgumentHelp("Refuse (with an error event) a sentence longer than this.", valueName: "n"))
    var maxChars = 2000

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Make text fit to speak first: Markdown, emoji and symbols out; numbers, money, times, dates, phone numbers and addresses in words."))
    var normalize = true

    @Option(help: ArgumentHelp("Pronunciations for names and brands: word<TAB>replacement per line (see tts-cache(1)).", valueName: "file"),
            completion: .file())
    var lexicon: String?

    @OptionGroup var cache: SpeechCacheOptions
    @OptionGroup var providers: SpeechProviderOptions

    public init() {}

    public func validate() throws {
        guard SpeechRequest.rates.contains(rate) else { throw ValidationError("--rate must be from 80 to 450 words per minute, not \(rate)") }
        guard SpeechRequest.pitches.contains(pitch) else { throw ValidationError("--pitch must be from 0 to 100, not \(pitch)") }
        guard SpeechFormat.rates.contains(sampleRate) else { throw ValidationError("--sample-rate must be from 8000 to 48000 Hz, not \(sampleRate)") }
        guard (5...1000).contains(frameMs) else { throw ValidationError("--frame-ms must be from 5 to 1000, not \(frameMs)") }
        guard (1...100_000).contains(maxChars) else { throw ValidationError("--max-chars must be from 1 to 100000, not \(maxChars)") }
        guard (0.25...4).contains(speed) else { throw ValidationError("--speed must be from 0.25 to 4, not \(speed)") }
        for spec in specs where !SpeechProviderOptions.engineNames.contains(spec.name) {
            throw ValidationError("unknown engine \"\(spec.name)\" in --engine (known: \(SpeechProviderOptions.engineNames.joined(separator: ", ")))")
        }
    }

    public var format: SpeechFormat { SpeechFormat(codec: codec, rate: sampleRate) }

    /// `--engine` as (name, voice) pairs, in order.
    var specs: [(name: String, voice: String?)] { EngineList.parse(engine).map { ($0.name, $0.detail) } }

    /// The engines in order (a missing API key is a configuration error, 78), and the store.
    public func makeStage(resources: SharedResources, logger: Logger) throws -> any Stage {
        TTSCache(settings: try settings(resources: resources, logger: logger))
    }

    /// What the stage and `tts-cache warm` speak with.
    public func settings(resources: SharedResources, logger: Logger) throws -> SpeechSettings {
        let engines = try specs.map { spec in
            try providers.engine(spec.name, voice: spec.voice, espeak: EspeakTTSEngine(voice: spec.voice ?? voice, rate: rate, pitch: pitch),
                speed: speed, resources: resources)
        }
        return SpeechSettings(engines: engines, resilient: { resources.resilient($0, providers: providers) },
            store: try cache.store(resources: resources, logger: logger), format: format, frameMs: frameMs, maxChars: maxChars,
            speakable: normalize ? try resources.speakableText(lexicon: lexicon) : nil, language: firstVoice)
    }

    /// The voice of the first engine in line (espeak's `--voice` unless the list names one):
    /// `SpeakableText` reads its language from it (`hi`, `hi-IN-SwaraNeural` → Hindi numbers).
    var firstVoice: String {
        specs.first.map { $0.voice ?? ($0.name == "espeak" ? voice : "") } ?? voice
    }
}

extension AudioCodec: ExpressibleByArgument {}
