import ArgumentParser
import Dialogue
import Foundation
import Logging
import Stages
import SwitchboardCore

/// `stt-stream`: which engines recognize the caller, against what grammar, and how utterances
/// are cut and handed to them.
public struct STTStreamOptions: StageOptionSet {
    public static let toolName = "stt-stream"
    static let engineNames = ["pocketsphinx", "deepgram", "whisper"]

    @Option(help: ArgumentHelp(
        "Engines: pocketsphinx, deepgram, whisper. A,B fails over from A to B; A+B runs both on the same audio and picks one final per utterance.",
        valueName: "list"))
    var engine = "pocketsphinx"

    @Option(help: ArgumentHelp("Recognize against this JSGF grammar (pocketsphinx).", valueName: "file"), completion: .file(extensions: ["jsgf", "gram"]))
    var grammar: String?

    @Option(help: ArgumentHelp(
        "Recognize against the grammar of this dialogue script (as `llm-stream grammar` writes it), narrowed per step by `listen` events.",
        valueName: "file"), completion: .file(extensions: ["yaml", "yml"]))
    var grammarFromScript: String?

    @Flag(help: "When the grammar match is poor, recognize the utterance again free-form (pocketsphinx).")
    var fallbackSearch = false

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "pocketsphinx decoders in the process, shared by every call (each ~0.3 s to create, created when first needed).", valueName: "n"))
    var decoders = 2

    @Option(help: ArgumentHelp("pocketsphinx model folder (laid out as Debian's pocketsphinx-en-us).", valueName: "dir"),
            completion: .directory)
    var sphinxModel = "/usr/share/pocketsphinx/model/en-us"

    @Option(parsing: .unconditional, help: ArgumentHelp("Audio from before each `vad start` handed to the engines with the utterance.", valueName: "ms"))
    var preRollMs = 300

    @Option(parsing: .unconditional, help: ArgumentHelp("Engines in competition: how long the first final waits for the others.", valueName: "ms"))
    var pickWaitMs = 150

    @Flag(help: "Send the audio on as well (it is consumed by default).")
    var passAudio = false

    @OptionGroup var cloud: RecognitionProviderOptions

    public init() {}

    public func validate() throws {
        for name in groups.joined() where !Self.engineNames.contains(name) {
            throw ValidationError("unknown engine \"\(name)\" in --engine (known: \(Self.engineNames.joined(separator: ", ")))")
        }
        guard !groups.isEmpty, groups.allSatisfy({ !$0.isEmpty }) else { throw ValidationError("--engine: empty engine list \"\(engine)\"") }
        guard grammar == nil || grammarFromScript == nil else { throw ValidationError("give --grammar or --grammar-from-script, not both") }
        guard (1...64).contains(decoders) else { throw ValidationError("--decoders must be from 1 to 64, not \(decoders)") }
        guard (0...2000).contains(preRollMs) else { throw ValidationError("--pre-roll-ms must be from 0 to 2000, not \(preRollMs)") }
        guard (0...5000).contains(pickWaitMs) else { throw ValidationError("--pick-wait-ms must be from 0 to 5000, not \(pickWaitMs)") }
    }

    /// `--engine` as failover groups of competing engine names.
    var groups: [[String]] {
        engine.split(separator: ",").map { $0.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    public func makeStage(resources: SharedResources, logger: Logger) throws -> any Stage {
        STTStream(settings: try settings(resources: resources, logger: logger))
    }

    /// The engines (a missing key, model or a bad grammar is a configuration error, 78).
    public func settings(resources: SharedResources, logger: Logger) throws -> STTSettings {
        let grammar = try recognitionGrammar(resources: resources)
        let engines = try groups.map { group in
            try group.map { name -> any STTEngine in
                switch name {
                case "pocketsphinx":
                    let pool = try resources.decoderPool(size: decoders, model: PocketsphinxModel(folder: sphinxModel))
                    return PocketsphinxEngine(pool: pool, grammar: grammar, fallbackSearch: fallbackSearch)
                case "deepgram": return try cloud.deepgram(environment: resources.environment, logger: logger)
                default: return try cloud.whisper(resources: resources, logger: logger)
                }
            }
        }
        var settings = STTSettings(groups: engines) { text, slot in SlotReading.reads(text, type: slot.type, values: slot.values) }
        settings.preRollMs = preRollMs
        settings.pickWait = .milliseconds(pickWaitMs)
        settings.passAudio = passAudio
        return settings
    }

    /// `--grammar`, or the grammar of `--grammar-from-script`: parsed once per process.
    func recognitionGrammar(resources: SharedResources) throws -> RecognitionGrammar? {
        if let grammar {
            return try resources.recognitionGrammar(file: grammar) {
                do { return try String(contentsOfFile: grammar, encoding: .utf8) } catch {
                    throw StageFailure(.config, "cannot read --grammar \(grammar): \(error.localizedDescription)")
                }
            }
        }
        if let path = grammarFromScript {
            let script = try resources.script(at: path)
            return try resources.recognitionGrammar(file: path + " (grammar)") { script.jsgfGrammar() }
        }
        return nil
    }
}
