import ArgumentParser
import Foundation
import Stages
import StageOptions
import SwitchboardCore
import ToolSupport

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the detector (or another detector's decisions) on a labelled corpus.",
        discussion: """
            Runs the built-in detector over every recording of a corpus made by \
            scripts/vad-corpus.py (`make corpus`) and prints, per noise type and SNR, per SNR, \
            and overall: frame-level precision, recall and F1 (10 ms frames), mean onset and \
            offset error in ms (each labelled boundary against the nearest detected one within \
            a second), utterances missed altogether, and false starts per minute of non-speech \
            (detected utterances overlapping no speech). At utterance edges (speech after or \
            before 300 ms without speech): how late the detected start is (detected minus \
            labelled, ms: mean, median, 90th percentile; negative is early) and the share of \
            speech frames missed in the first and the last 200 ms. The CPU time of detection \
            alone is reported as × real time. scripts/vad-human-corpus.py makes corpora of \
            human speech (bench-data/vad-human/tune and eval).

            --detections scores another detector's per-frame decisions (written by \
            scripts/vad-compare.py) through the same endpointer, so that all are compared alike.

            Exit status: 0 done, 64 bad usage, 66 corpus or decisions missing or unreadable.
            """)

    @Option(help: ArgumentHelp("The corpus directory (with labels.json).", valueName: "dir"), completion: .directory)
    var corpus = "bench-data/vad-corpus"

    @Option(help: ArgumentHelp("Score these per-frame decisions instead of the built-in detector.", valueName: "file"), completion: .file(extensions: ["json"]))
    var detections: String?

    @Option(help: ArgumentHelp("Resample the recordings to this rate first (8000 or 16000), to test that path.", valueName: "hz"))
    var rate: Int?

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "Print nothing on stderr while working.")
    var quiet = false

    @OptionGroup var detector: VADOptions

    func validate() throws {
        if let rate, !VoiceActivityDetector.rates.contains(rate) { throw ValidationError("--rate must be 8000 or 16000, not \(rate)") }
        if rate != nil, detections != nil { throw ValidationError("--rate applies to the built-in detector, not to --detections") }
    }

    func run() throws {
        let evaluation: CorpusEvaluation
        do {
            let labelled = try LabelledCorpus(directory: corpus)
            if let detections {
                evaluation = try .decisions(FrameDecisions(path: detections), corpus: labelled, endpointing: detector.endpointing)
            } else {
                evaluation = try .builtIn(labelled, rate: rate, thresholdOffset: detector.thresholdOffset, endpointing: detector.endpointing) { file in
                    if !quiet { FileHandle.standardError.write(Data("vad eval: \(file)\n".utf8)) }
                }
            }
        } catch {
            FileHandle.standardError.write(Data("vad eval: \(error)\n".utf8))
            try ExitStatus.noInput.exit()
        }
        try TextOutput.write(json ? JSONWriter.string(evaluation.json) + "\n" : EvaluationTable(evaluation).text)
    }
}

/// The plain-text report of `vad eval`.
struct EvaluationTable {
    let evaluation: CorpusEvaluation
    init(_ evaluation: CorpusEvaluation) { self.evaluation = evaluation }

    var text: String {
        var out = "detector: \(evaluation.detector)\n\n"
        out += header("noise")
        for (condition, score) in evaluation.byCondition.sorted(by: { $0.key < $1.key }) {
            out += row(condition.noise, condition.snrDB, score)
        }
        out += "\n" + header("all noises")
        for (snr, score) in evaluation.bySNR { out += row("", snr, score) }
        out += row("overall", nil, evaluation.overall, snrText: "all")
        let speed = evaluation.cpuSeconds > 0 ? evaluation.audioSeconds / evaluation.cpuSeconds : 0
        out += String(format: "\nCPU: %.3f s for %.1f min of audio (%.0f× real time, %.2f s per hour)\n",
                      evaluation.cpuSeconds, evaluation.audioSeconds / 60, speed,
                      evaluation.audioSeconds > 0 ? evaluation.cpuSeconds * 3600 / evaluation.audioSeconds : 0)
        return out
    }

    private func header(_ first: String) -> String {
        pad(first, 10) + pad("SNR", 6) + pad("precision", 10) + pad("recall", 8) + pad("F1", 7)
            + pad("onset ms", 9) + pad("offset ms", 10) + pad("false/min", 10) + pad("missed", 7)
            + pad("late ms mean/med/p90", 21) + "edge miss % on/off\n"
    }

    private func row(_ name: String, _ snr: Int?, _ score: DetectionScore, snrText: String? = nil) -> String {
        let ms: (Double?) -> String = { $0.map { String(format: "%.0f", $0) } ?? "-" }
        return pad(name, 10) + pad(snrText ?? snr.map { "\($0)" } ?? "clean", 6)
            + pad(String(format: "%.3f", score.precision), 10) + pad(String(format: "%.3f", score.recall), 8)
            + pad(String(format: "%.3f", score.f1), 7) + pad(ms(score.meanOnsetErrorMs), 9)
            + pad(ms(score.meanOffsetErrorMs), 10) + pad(String(format: "%.2f", score.falseStartsPerMinute), 10)
            + pad("\(score.missed)", 7) + pad(late(score.edges), 21)
            + String(format: "%.1f/%.1f\n", 100 * score.edges.onsetEdgeMissRate, 100 * score.edges.offsetEdgeMissRate)
    }

    /// Signed onset error (detected − labelled): mean, median, 90th percentile.
    private func late(_ edges: EdgeScore) -> String {
        guard let mean = edges.meanOnsetErrorMs, let median = edges.onsetErrorPercentileMs(0.5),
              let p90 = edges.onsetErrorPercentileMs(0.9) else { return "-" }
        return String(format: "%.0f/%d/%d", mean, median, p90)
    }

    private func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count) }
}
