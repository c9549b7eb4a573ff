import Dialogue
import Foundation
import Providers
import Resilience
import Speech
import SpeechCache
import Stages
import SwitchboardCore

/// Things built once per process and shared by every call (and every node of every call):
/// the HTTP client, one circuit breaker and one AIMD limiter per LLM engine (name and base URL),
/// parsed dialogue scripts by path, sentence lexicons by their settings, system prompt files and
/// tenant prompt directories read once.
///
/// A process serves hundreds of calls: building these per call would re-read and re-parse
/// files at every call start, and per-call breakers and limiters would each see only their own
/// call's failures and 429s. The first stage to ask for an engine's breaker or limiter sets its
/// configuration; later stages share it as it is.
public final class SharedResources: Sendable {
    /// Every provider request of the process goes through this client (one curl event loop).
    public let http: HTTPClient
    /// Where API keys are looked up (`$OPENAI_API_KEY`, …).
    public let environment: [String: String]
    /// The time breakers and limiters run on.
    let clock: any ResilienceClock

    private let breakers = ProcessWideCache<EngineIdentity, CircuitBreaker>()
    private let limiters = ProcessWideCache<EngineIdentity, AIMDLimiter>()
    private let scripts = ProcessWideCache<String, DialogueScript>()
    private let lexicons = ProcessWideCache<LexiconSettings, SentenceLexicon>()
    private let textFiles = ProcessWideCache<String, String>()
    private let tenantPromptDirectories = ProcessWideCache<String, [String: String]>()
    private let clipStores = ProcessWideCache<String, any ClipStore>()
    private let speakableTexts = ProcessWideCache<String, SpeakableText>()
    let decoderPools = ProcessWideCache<String, PocketsphinxDecoderPool>()
    let grammars = ProcessWideCache<String, RecognitionGrammar>()

    public init(
        http: HTTPClient = .shared, environment: [String: String] = ProcessInfo.processInfo.environment,
        clock: any ResilienceClock = SystemClock()
    ) {
        self.http = http
        self.environment = environment
        self.clock = clock
    }

    /// The dialogue script at `path`, parsed on first use. A bad script is a configuration
    /// error (78) whose message points at the line, as the tool prints it.
    func script(at path: String) throws -> DialogueScript {
        try scripts.value(for: Self.canonical(path)) {
            do {
                return try DialogueScript(contentsOf: path)
            } catch {
                throw StageFailure(.config, "\(error)")
            }
        }
    }

    func breaker(for engine: EngineIdentity, configuration: CircuitBreaker.Configuration) -> CircuitBreaker {
        breakers.value(for: engine) { CircuitBreaker(name: engine.name, configuration: configuration, clock: clock) }
    }

    func limiter(for engine: EngineIdentity, initialLimit: Int, maxLimit: Int, maxWait: Duration) -> AIMDLimiter {
        limiters.value(for: engine) { AIMDLimiter(initialLimit: initialLimit, maxLimit: maxLimit, maxWait: maxWait, clock: clock) }
    }

    /// The built-in lists of `languages` plus the abbreviations of `abbreviationFiles`, built once
    /// per distinct settings. A bad abbreviations file is a configuration error.
    func sentenceLexicon(languages: [String], abbreviationFiles: [String]) throws -> SentenceLexicon {
        let settings = LexiconSettings(languages: languages, abbreviationFiles: abbreviationFiles.map(Self.canonical))
        return try lexicons.value(for: settings) {
            var lexicon = SentenceLexicon.builtIn(languages: languages)
            for path in abbreviationFiles {
                do { try lexicon.addAbbreviations(fromFile: path) } catch { throw StageFailure(.config, "\(error)") }
            }
            return lexicon
        }
    }

    /// A prompt file's text, trimmed, read on first use; `option` names it in the error.
    func promptFile(at path: String, option: String) throws -> String {
        try textFiles.value(for: Self.canonical(path)) {
            do {
                return try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw StageFailure(.config, "cannot read \(option) \(path): \(error.localizedDescription)")
            }
        }
    }

    /// The clip store at `location` (`dir PATH`, `redis URL`), opened once per process: every
    /// call shares its threads, connections and size accounting. A store that cannot be opened
    /// is a configuration error.
    func clipStore(_ location: String, open: () throws -> any ClipStore) throws -> any ClipStore {
        try clipStores.value(for: location) {
            do { return try open() } catch let failure as StageFailure { throw failure } catch {
                throw StageFailure(.config, "\(error)")
            }
        }
    }

    /// The text normalizer with the pronunciations of `lexicon` (none: nil), built once per
    /// file. A bad lexicon file is a configuration error naming its line.
    func speakableText(lexicon: String?) throws -> SpeakableText {
        try speakableTexts.value(for: lexicon.map(Self.canonical) ?? "") {
            do {
                return SpeakableText(lexicon: try lexicon.map { try PronunciationLexicon(contentsOf: $0) })
            } catch {
                throw StageFailure(.config, "--lexicon: \(error)")
            }
        }
    }

    /// The prompts of a `--tenant-prompts` directory, by tenant, read on first use.
    func tenantPrompts(in directory: String) throws -> [String: String] {
        try tenantPromptDirectories.value(for: Self.canonical(directory)) { try TenantPromptDirectory.read(directory) }
    }

    /// One key for one file however it is named (`Examples/a.yaml`, `./Examples/a.yaml`).
    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

/// What a sentence lexicon is built from.
private struct LexiconSettings: Hashable, Sendable {
    var languages: [String]
    var abbreviationFiles: [String]
}
