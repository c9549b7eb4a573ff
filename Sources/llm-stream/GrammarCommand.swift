import ArgumentParser
import Dialogue
import Foundation
import StageOptions
import SwitchboardCore
import ToolSupport

struct GrammarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grammar",
        abstract: "Print the JSGF recognition grammar of a dialogue script.",
        discussion: """
            Every example phrase of every intent, with slot placeholders expanded (names from \
            the slot's list, numbers, dates, times, yes/no), as a JSGF grammar the embedded \
            recognizer can load: public rule <utterance> for the whole script, then \
            <state_S> for each state and <state_S_X> for state S asking slot X, the rules \
            named by llm-stream's listen events. Exit status 78 for a bad script.

            Example:
              llm-stream grammar --script Examples/receptionist.yaml \\
                > out/receptionist.gram
            """)

    /// The same group as the stage's `--script`: the root command parses it, wherever it stands.
    @OptionGroup var dialogueScript: DialogueScriptOption

    func validate() throws {
        guard dialogueScript.script != nil else { throw ValidationError("llm-stream grammar needs --script FILE") }
    }

    func run() throws {
        let grammar: String
        do {
            grammar = try DialogueScript(contentsOf: dialogueScript.script!).jsgfGrammar()
        } catch {
            FileHandle.standardError.write(Data("llm-stream: \(error)\n".utf8))
            try ExitStatus.config.exit()
        }
        try TextOutput.write(grammar)
    }
}
