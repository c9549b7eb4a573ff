import Foundation
import Testing

/// Every documented command works verbatim: the README's cookbook and mock providers, every
/// example in every tool's `--help`, every example in every man page, read out of the
/// documentation (`DocumentedExamples`) and run (`ExampleRunner`). A broken example fails here,
/// naming its document and command. Conventions (a session with `$ `, `# needs: …`, servers
/// with `&`): `ExampleDisplay`.
///
/// Serialized, and in this order: examples write under out/, and a later one may read what an
/// earlier one of the same document wrote.
@Suite(.serialized) struct DocumentedExampleTests {
    @Test func readmeExamples() async throws {
        let readme = try DocumentedExamples.readme()
        #expect(readme.commands.count >= 20, "the README's commands were not found: \(readme.commands)")
        try await run([readme])
    }

    @Test func helpExamples() async throws {
        let tools = try DocumentedExamples.tools()
        #expect(tools.count >= 6, "TOOLS in the Makefile: \(tools)")
        var documents: [DocumentedExamples.Document] = []
        for tool in tools {
            let pages = try await DocumentedExamples.helpTexts(of: tool)
            #expect(pages.contains { !$0.commands.isEmpty }, "\(tool): no `Examples:` in its --help or its subcommands'")
            documents += pages
        }
        try await run(documents)
    }

    @Test func manPageExamples() async throws {
        let pages = try await DocumentedExamples.manPages()
        for page in pages where page.name.hasSuffix(".1") {
            #expect(!page.commands.isEmpty, "\(page.name): no commands in EXAMPLES")
        }
        try await run(pages)
    }

    /// Runs the documents' commands, reports each failure with its document, and prints how
    /// many ran and which were skipped.
    private func run(_ documents: [DocumentedExamples.Document]) async throws {
        try FileManager.default.createDirectory(atPath: Tools.repository + "/out", withIntermediateDirectories: true)
        var runner = ExampleRunner()
        for document in documents { try await runner.run(document) }
        let names = documents.map(\.name).joined(separator: ", ")
        print("documented examples (\(names)): \(runner.ran) run, \(runner.skipped.count) skipped")
        for skipped in runner.skipped { print("  skipped: \(skipped)") }
        for failure in runner.failures { Issue.record("\(failure)") }
    }
}

/// The reading of examples out of their displays, on displays written here.
struct ExampleDisplayTests {
    @Test func commandsGoOnAsShReadsThem() {
        let display = [
            "  mulaw-decode -i Examples/call.wav |",
            "      switchboard dump   # every frame",
            "  switchboard run 'a |",
            "      b' \\",
            "      < in.txt",
            "  echo \"a # not a comment\" &&",
            "      true",
            "  echo done # the end |",
        ]
        #expect(ExampleDisplay.commands(in: display) == [
            "mulaw-decode -i Examples/call.wav |\n    switchboard dump   # every frame",
            "switchboard run 'a |\n    b' \\\n    < in.txt",
            "echo \"a # not a comment\" &&\n    true",
            "echo done # the end |",
        ])
    }

    @Test func aSessionsCommandsAreItsPromptedLines() {
        let display = ["$ echo hi |", "    cat", "hi", "$ true", "{\"type\":\"text\"}"]
        #expect(ExampleDisplay.commands(in: display) == ["echo hi |\n    cat", "true"])
        #expect(ExampleDisplay.commands(in: ["greeting: hello", "start: welcome"], unpromptedAreCommands: false).isEmpty)
    }

    @Test func aServerIsACommandEndingInAnAmpersand() {
        #expect(ExampleDisplay.isBackground("switchboard mock-providers --port 8090 &   # a server"))
        #expect(ExampleDisplay.withoutBackground("switchboard mock-providers --port 8090 &   # a server")
            == "switchboard mock-providers --port 8090 ")
        #expect(!ExampleDisplay.isBackground("make corpus && make vad-eval"))
        #expect(!ExampleDisplay.isBackground("echo 'a &'"))
    }

    @Test func helpExamplesEndAtABlankLine() {
        let help = """
            OVERVIEW: x

            Examples:
              echo hi |
                sentence-split
              vad --silence-ms 600 --aggressiveness
            2 | jq .

            OPTIONS:
            """
        // The line wrapped at the margin is a command of its own, which fails.
        #expect(DocumentedExamples.examples(inHelp: help) == [
            "  echo hi |\n    sentence-split", "  vad --silence-ms 600 --aggressiveness", "2 | jq .",
        ])
    }

    @Test func manDisplaysAreTheLinesIndentedDeeperThanTheText() {
        let page = """
            EXAMPLES
                 Two sentences:
                       echo "Hi. How are you?" | sentence-split

                 With the clinic's abbreviations:

                       echo "Meet at Sta. Cruz today." |
                           sentence-split --abbreviations Examples/clinic.abbr

            SEE ALSO
                       not-an-example
            """
        #expect(DocumentedExamples.displays(inSection: "EXAMPLES", of: page) == [
            ["           echo \"Hi. How are you?\" | sentence-split"],
            ["           echo \"Meet at Sta. Cruz today.\" |", "               sentence-split --abbreviations Examples/clinic.abbr"],
        ])
    }
}
