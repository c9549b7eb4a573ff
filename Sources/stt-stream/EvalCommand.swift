import ArgumentParser
import Dialogue
import Foundation
import Stages
import SwitchboardCore
import ToolSupport

struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score pocketsphinx on the STT corpus: word error rate, sentence accuracy and real-time factor per mode.",
        discussion: """
            The corpus (`make stt-corpus`, bench-data/stt-corpus) holds caller utterances of the \
            receptionist example and general sentences, synthesized with several espeak-ng and \
            flite voices, clean and at 10 dB SNR, and real human recordings, all through the \
            8 kHz µ-law telephone chain. Each item goes through the stt-stream stage as a call \
            would send it. Modes:
              free     free-form (the n-gram language model), every item
              script   the whole script's grammar, receptionist items
              step     the grammar rule of the item's dialogue state (its listen event)
              fallback step, recognizing free-form again when the grammar match is poor
              compete  step and free-form in competition, the final that reads as the expected slot winning
            WER and sentence accuracy count words as recognizers are scored (lowercase, no \
            punctuation). RTF is the process's CPU time over the audio's duration: below 0.2 \
            is five times faster than real time on one core.

            Exit status: 0 done, 65 no corpus or a bad manifest, 78 bad script or model.

            Examples:
              make stt-corpus && stt-stream eval  # needs: a release build, minutes
              stt-stream eval --modes step,compete --split tuning --json  # needs: minutes
            """)

    @Option(help: ArgumentHelp("The corpus folder.", valueName: "dir"), completion: .directory)
    var corpus = "bench-data/stt-corpus"

    @Option(help: ArgumentHelp("Modes to run: free, script, step, fallback, compete.", valueName: "list"))
    var modes = "free,script,step,fallback,compete"

    @Option(help: ArgumentHelp("Which part of the corpus: evaluation, tuning, all.", valueName: "part"))
    var split = "evaluation"

    @Option(help: ArgumentHelp("The dialogue script the receptionist items were written for.", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var script = "Examples/receptionist.yaml"

    @Option(parsing: .unconditional, help: ArgumentHelp("Items recognized at once (and decoders).", valueName: "n"))
    var jobs = 2

    @Option(parsing: .unconditional, help: ArgumentHelp("Only the first N items of each mode (a quick look).", valueName: "n"))
    var limit: Int?

    @Flag(help: "Print one JSON object per row instead of the table.")
    var json = false

    @Flag(help: "Print each misrecognized item (file, what was said, what was heard) on stderr.")
    var showMisses = false

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @OptionGroup var log: LogOptions

    func validate() throws {
        for mode in modeList where !RecognitionMode.allCases.map(\.rawValue).contains(mode) {
            throw ValidationError("unknown mode \"\(mode)\" in --modes (known: \(RecognitionMode.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard ["evaluation", "tuning", "all"].contains(split) else { throw ValidationError("--split must be evaluation, tuning or all") }
        guard (1...16).contains(jobs) else { throw ValidationError("--jobs must be from 1 to 16") }
    }

    var modeList: [String] { modes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }

    func run() async throws {
        let logger = log.makeLogger(label: "stt-stream eval")
        let (corpus, script, grammar) = try StageFailure.exitingOnFailure(logger: logger) {
            let corpus = try RecognitionCorpus(folder: self.corpus)
            let script: DialogueScript
            do { script = try DialogueScript(contentsOf: self.script) } catch { throw StageFailure(.config, "\(error)") }
            let grammar: RecognitionGrammar
            do { grammar = try RecognitionGrammar(jsgf: script.jsgfGrammar(), file: self.script + " (grammar)") } catch {
                throw StageFailure(.config, "\(error)")
            }
            return (corpus, script, grammar)
        }
        let items = corpus.items.filter { split == "all" || $0.split == split }
        let evaluation = RecognitionEvaluation(pool: PocketsphinxDecoderPool(size: jobs), grammar: grammar, script: script, jobs: jobs)
        var rows: [RecognitionEvaluation.Row] = []
        for mode in modeList.compactMap(RecognitionMode.init(rawValue:)) {
            var chosen = items.filter { mode == .free || $0.kind == "receptionist" }
            if let limit { chosen = Array(chosen.prefix(limit)) }
            let (quiet, total) = (quiet, chosen.count)
            let showMisses = showMisses
            let misses: (@Sendable (RecognitionCorpus.Item, String) -> Void)?
            if showMisses {
                misses = { item, heard in
                    let line = "\n" + mode.rawValue + " " + item.file + ": said \"" + item.text + "\", heard \"" + heard + "\""
                    FileHandle.standardError.write(Data(line.utf8))
                }
            } else {
                misses = nil
            }
            rows += try await evaluation.score(chosen, mode: mode, misses: misses) { done in
                if !quiet { FileHandle.standardError.write(Data("\rstt-stream eval: \(mode.rawValue) \(done)/\(total)".utf8)) }
            }
            if !quiet { FileHandle.standardError.write(Data("\n".utf8)) }
        }
        try TextOutput.write(json ? rows.map { JSONWriter.string(.object($0.json)) + "\n" }.joined() : RecognitionEvaluation.table(rows))
    }
}
