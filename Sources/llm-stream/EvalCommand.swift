import ArgumentParser
import Dialogue
import Foundation
import StageOptions
import Stages
import SwitchboardCore
import ToolSupport

/// `llm-stream eval`: how well a dialogue script understands callers, on case files written
/// apart from the script (a benchmark, not a test: the score is the output).
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score a dialogue script on case files: intent, slot and end-to-end booking accuracy.",
        usage: """
            llm-stream eval --script <file> --cases <file> [--cases <file> …]
                [--understand <name[:model]>] [--misses] [--json]
            """,
        discussion: """
            A case file (YAML, see llm-stream(1) EVALUATION) lists single caller utterances, \
            each said in a state with the slots already given, with the intent and slot values \
            expected; and whole calls, the caller's turns in order from the greeting, with the \
            state and values the call must end with. Printed per file and in total:
              intent     turns whose intent (or none) was the expected one
              slots      expected slot values held after their turn
              utterances utterance cases right in every respect
              calls      calls ending as expected; bookings: those ending in --booking-state
            Names compare ignoring case; dates, times and yes/no in canonical form.

            Examples/cases/ holds the receptionist's cases: receptionist-tuning.yaml is the \
            set the matcher was tuned on; the receptionist-eval-*.yaml sets were written by \
            other hands and are only measured.

            With --understand NAME[:MODEL] (and --base-url, --model, --api-key-env, \
            --understand-deadline-ms as for the stage) each turn is also read by that LLM as \
            in LLM-guided mode, and a second row scores it; a line counts its outcomes \
            (understood, timed out, failed, rejected, breaker open) and their latency. Against \
            `switchboard mock-providers` this measures the protocol path, not a model.

            Exit status: 0 done, 64 bad usage, 66 a case file or script is missing, 78 a bad \
            case file or script.

            Examples:
              llm-stream eval --script Examples/receptionist.yaml \\
                --cases Examples/cases/receptionist-tuning.yaml
              llm-stream eval --script Examples/receptionist.yaml \\
                --cases Examples/cases/receptionist-eval-formal.yaml --misses
            """)

    /// The stage's own options: `--script`, and `--understand` with its provider settings, read
    /// as for the stage (the root command parses them wherever they stand).
    @OptionGroup(visibility: .hidden) var stage: LLMStreamOptions
    @OptionGroup var log: LogOptions

    @Option(name: .long, help: ArgumentHelp("A case file (repeat for several).", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var cases: [String] = []

    @Option(help: ArgumentHelp("The state a booking call ends in.", valueName: "name"))
    var bookingState = "booked"

    @Flag(help: "Print each case got wrong (file:line, what was said, what came out) on stderr.")
    var misses = false

    @Flag(help: "Print one JSON object per file and one for the total instead of the table.")
    var json = false

    func validate() throws {
        guard stage.scriptPath != nil else { throw ValidationError("llm-stream eval needs --script FILE") }
        guard !cases.isEmpty else { throw ValidationError("llm-stream eval needs --cases FILE (for example Examples/cases/receptionist-tuning.yaml)") }
    }

    func run() async throws {
        let script: DialogueScript
        var files: [(name: String, cases: DialogueCases)] = []
        do {
            script = try DialogueScript(contentsOf: stage.scriptPath!)
            for path in cases { files.append((path, try DialogueCases(contentsOf: path))) }
        } catch {
            FileHandle.standardError.write(Data("llm-stream: \(error)\n".utf8))
            try (error.line == nil && !FileManager.default.fileExists(atPath: error.file) ? ExitStatus.noInput : ExitStatus.config).exit()
        }
        let logger = log.makeLogger(label: "llm-stream eval")
        var output = ""
        var modes: [(name: String, understand: DialogueUnderstander?)] = [("rules", nil)]
        let tally = UnderstandingTally()
        if let understander = stage.makeUnderstander(resources: SharedResources(), logger: logger) {
            modes.append(("llm", { utterance, choices, today in
                let outcome = await understander.understand(utterance, choices: choices, today: today)
                await tally.count(outcome)
                return outcome.understanding
            }))
        }
        for (mode, understand) in modes {
            var rows: [(name: String, score: DialogueScore)] = []
            var total = DialogueScore()
            for (name, cases) in files {
                let score = await DialogueEvaluation.run(cases, script: script, bookingState: bookingState, understand: understand)
                rows.append(((name as NSString).lastPathComponent, score))
                total.add(score)
            }
            if files.count > 1 { rows.append(("all", total)) }
            if misses {
                for miss in total.misses { FileHandle.standardError.write(Data("\(mode): \(miss)\n".utf8)) }
            }
            output += json ? EvalTable.json(rows, mode: mode) : EvalTable.text(rows, mode: mode)
        }
        if modes.count > 1 { output += json ? await tally.json() : await tally.summary() }
        try TextOutput.write(output)
    }
}
