import Dialogue
import Foundation
import Synchronization
import SwitchboardCore

/// How `stt-stream eval` recognizes an item.
public enum RecognitionMode: String, Sendable, CaseIterable {
    case free, script, step, fallback, compete
}

/// Scores pocketsphinx modes on a corpus through the real stage: word errors, sentences
/// recognized exactly, and CPU time per second of audio, by kind of item and noise.
public struct RecognitionEvaluation: Sendable {
    public let pool: PocketsphinxDecoderPool
    public let grammar: RecognitionGrammar
    public let script: DialogueScript
    public let jobs: Int

    public init(pool: PocketsphinxDecoderPool, grammar: RecognitionGrammar, script: DialogueScript, jobs: Int) {
        self.pool = pool
        self.grammar = grammar
        self.script = script
        self.jobs = jobs
    }

    public struct Row: Sendable {
        public var mode: String
        public var kind: String
        public var noise: String
        public var items = 0
        public var exact = 0
        public var words = WordErrors()
        public var audioSeconds = 0.0
        public var cpuSeconds = 0.0

        public var sentenceAccuracy: Double { items == 0 ? 0 : Double(exact) / Double(items) }
        public var realTimeFactor: Double { audioSeconds == 0 ? 0 : cpuSeconds / audioSeconds }
        public var json: JSONObject {
            ["mode": .string(mode), "kind": .string(kind), "noise": .string(noise), "items": .int(items),
             "wer": .double(round4(words.rate)), "sentence_accuracy": .double(round4(sentenceAccuracy)),
             "rtf": .double(round4(realTimeFactor)), "audio_s": .double(round4(audioSeconds))]
        }
        private func round4(_ value: Double) -> Double { (value * 10000).rounded() / 10000 }
    }

    func settings(for mode: RecognitionMode) -> STTSettings {
        let free = PocketsphinxEngine(pool: pool)
        let narrowed = PocketsphinxEngine(pool: pool, grammar: grammar, fallbackSearch: mode == .fallback)
        let groups: [[any STTEngine]] = switch mode {
        case .free: [[free]]
        case .compete: [[narrowed, free]]
        default: [[narrowed]]
        }
        var settings = STTSettings(groups: groups) { text, slot in SlotReading.reads(text, type: slot.type, values: slot.values) }
        settings.preRollMs = 0
        return settings
    }

    /// The `listen` event llm-stream would have sent before the item was said.
    func listen(for item: RecognitionCorpus.Item, mode: RecognitionMode) -> ListenContext? {
        guard mode != .free, mode != .script, let state = item.state else { return nil }
        // The corpus tags a state asking for a slot as `state:slot` (`booking:date`).
        var dialogue = DialogueState(state: String(state.prefix { $0 != ":" }))
        var expectation = script.expectation(in: dialogue)
        // Fill the state's slots one by one until it asks for the one the item answers.
        while let rule = item.rule, expectation.grammarRule != rule, let asked = expectation.asked, dialogue.slots[asked] == nil {
            dialogue.slots[asked] = "filled"
            expectation = script.expectation(in: dialogue)
        }
        return ListenContext(state: expectation.state, grammar: expectation.grammarRule,
                             slots: expectation.slots.map { .init(name: $0.name, type: $0.type, values: $0.values) }, intents: expectation.intents)
    }

    /// Rows for `items` in `mode`, by kind and noise, plus an "all" row.
    public func score(_ items: [RecognitionCorpus.Item], mode: RecognitionMode, misses: (@Sendable (RecognitionCorpus.Item, String) -> Void)? = nil,
                      progress: @Sendable (Int) -> Void) async throws -> [Row] {
        let settings = settings(for: mode)
        let started = ProcessCPU.seconds()
        var results: [(RecognitionCorpus.Item, RecognitionRun.Outcome)] = []
        try await withThrowingTaskGroup(of: (RecognitionCorpus.Item, RecognitionRun.Outcome).self) { group in
            var next = 0
            func add() {
                guard next < items.count else { return }
                let item = items[next]
                let listen = listen(for: item, mode: mode)
                next += 1
                group.addTask { (item, try await RecognitionRun.recognize(item.file, listen: listen, settings: settings)) }
            }
            for _ in 0..<jobs { add() }
            while let result = try await group.next() {
                results.append(result)
                progress(results.count)
                add()
            }
        }
        let cpu = ProcessCPU.seconds() - started
        let totalAudio = results.reduce(0) { $0 + $1.1.audioSeconds }
        var rows: [String: Row] = [:]
        for (item, outcome) in results {
            let noise = item.snr.map { "\(Int($0)) dB" } ?? "clean"
            for key in [(item.kind, noise), ("all", "all")] {
                var row = rows["\(key.0)|\(key.1)"] ?? Row(mode: mode.rawValue, kind: key.0, noise: key.1)
                let errors = WordErrors(reference: item.text, hypothesis: outcome.text)
                if key.0 != "all", errors.errors > 0 { misses?(item, outcome.text) }
                row.items += 1
                row.exact += errors.errors == 0 ? 1 : 0
                row.words = row.words + errors
                row.audioSeconds += outcome.audioSeconds
                // CPU is measured for the whole run, shared out by audio length.
                row.cpuSeconds += totalAudio == 0 ? 0 : cpu * outcome.audioSeconds / totalAudio
                rows["\(key.0)|\(key.1)"] = row
            }
        }
        return rows.values.sorted { ($0.kind == "all" ? "~" : $0.kind, $0.noise) < ($1.kind == "all" ? "~" : $1.kind, $1.noise) }
    }

    public static func table(_ rows: [Row]) -> String {
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        var lines = ["mode      kind          noise   items    WER   sentences    RTF"]
        for row in rows {
            lines.append(pad(row.mode, 10) + pad(row.kind, 14) + pad(row.noise, 7)
                + String(format: " %5d  %5.1f%%     %5.1f%%  %5.3f", row.items, row.words.rate * 100, row.sentenceAccuracy * 100, row.realTimeFactor))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// CPU time of the whole process (every thread: pocketsphinx decodes on threads of its own).
enum ProcessCPU {
    static func seconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
