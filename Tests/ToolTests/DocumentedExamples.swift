import Foundation

/// The shell examples of the documentation, read out of it as a reader sees it: the README's
/// source, each tool's `--help` as the built tool prints it, each man page as man(1) renders it at
/// 80 columns. Nothing is copied into the tests, so a new or changed example is tested as written.
/// The conventions are those of `ExampleDisplay`.
enum DocumentedExamples {
    /// The commands of one document, in order (later ones may read what earlier ones wrote).
    struct Document {
        let name: String
        let commands: [String]
    }

    /// The README sections whose commands run anywhere: not the set-up, the benchmarks or the
    /// installation (sudo, release builds).
    static let readmeSections = ["Cookbook", "Testing without the cloud"]

    /// README.md: the ```sh blocks of `readmeSections`, in order, as one document.
    static func readme() throws -> Document {
        let readme = try String(contentsOfFile: Tools.repository + "/README.md", encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let commands = readmeSections.flatMap { name -> [String] in
            guard let heading = lines.firstIndex(of: "## " + name) else { return [] }
            return shellBlocks(in: lines[(heading + 1)...].prefix { !$0.hasPrefix("## ") })
        }
        return Document(name: "README.md", commands: commands)
    }

    private static func shellBlocks(in section: ArraySlice<String>) -> [String] {
        var commands: [String] = []
        var block: [String]?
        for line in section {
            if block == nil {
                if line == "```sh" { block = [] }
            } else if line.hasPrefix("```") {
                commands += ExampleDisplay.commands(in: block ?? [])
                block = nil
            } else {
                block?.append(line)
            }
        }
        return commands
    }

    /// The tools, as `make completions` lists them (`TOOLS :=` in the Makefile).
    static func tools() throws -> [String] {
        let makefile = try String(contentsOfFile: Tools.repository + "/Makefile", encoding: .utf8)
        let line = makefile.split(separator: "\n").first { $0.hasPrefix("TOOLS") && $0.contains(":=") }
        return line.map { $0.split(separator: "=", maxSplits: 1)[1].split(separator: " ").map(String.init) } ?? []
    }

    /// The `--help` of a tool and of each subcommand it lists; each document holds the lines
    /// under `Examples:` (or `Example:`), up to a blank line.
    static func helpTexts(of tool: String) async throws -> [Document] {
        let root = try await help(tool)
        var documents = [Document(name: "\(tool) --help", commands: examples(inHelp: root))]
        for subcommand in subcommands(inHelp: root) {
            let text = try await help("\(tool) \(subcommand)")
            documents.append(Document(name: "\(tool) \(subcommand) --help", commands: examples(inHelp: text)))
        }
        return documents
    }

    /// `--help` at 80 columns, the narrowest terminal a reader is likely to copy from (the
    /// argument parser wraps to COLUMNS when LINES is set too).
    private static func help(_ command: String) async throws -> String {
        let result = try await Tools.sh("env -u COLUMNS -u LINES \(command) --help")
        guard result.status == 0 else { throw HelpFailed(command: command, status: result.status, stderr: result.stderr) }
        return result.text
    }

    struct HelpFailed: Error, CustomStringConvertible {
        let command: String, status: Int32, stderr: String
        var description: String { "`\(command) --help` exited \(status): \(stderr)" }
    }

    static func examples(inHelp text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var commands: [String] = []
        for (index, line) in lines.enumerated() {
            let heading = line.trimmingCharacters(in: .whitespaces)
            guard heading == "Examples:" || heading == "Example:" else { continue }
            // Up to a blank line, not to the end of the indentation: a line the argument parser
            // wrapped at 80 columns starts at the margin, and must run (and fail) as it reads.
            let display = lines[(index + 1)...].prefix { !$0.isBlank }
            commands += ExampleDisplay.commands(in: Array(display))
        }
        return commands
    }

    /// The names under `SUBCOMMANDS:` (`  run (default)   Answer…`), not the continuation lines
    /// of their descriptions.
    static func subcommands(inHelp text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let heading = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
        let entries = lines[(heading + 1)...].prefix { !$0.isBlank }
        let names = entries.filter { String($0).indentation == 2 }.compactMap { $0.split(separator: " ").first.map(String.init) }
        return names.filter { $0 != "help" }
    }

    /// Every page in Man/: the commands of the literal displays in its EXAMPLES section.
    /// Section 5 pages describe file formats: their unprompted displays show file contents.
    static func manPages() async throws -> [Document] {
        let pages = try FileManager.default.contentsOfDirectory(atPath: Tools.repository + "/Man").sorted()
        var documents: [Document] = []
        for page in pages {
            let text = try await rendered("Man/\(page)")
            let fileFormat = page.hasSuffix(".5")
            let commands = displays(inSection: "EXAMPLES", of: text).flatMap {
                ExampleDisplay.commands(in: $0, unpromptedAreCommands: !fileFormat)
            }
            documents.append(Document(name: "Man/\(page)", commands: commands))
        }
        return documents
    }

    /// A page as a reader sees it in an 80-column terminal, without bold and underlining.
    static func rendered(_ page: String) async throws -> String {
        let result = try await Tools.sh("LC_ALL=C.UTF-8 MANWIDTH=80 man -l \(page) | col -bx")
        guard result.status == 0 else { throw HelpFailed(command: "man -l \(page)", status: result.status, stderr: result.stderr) }
        return result.text
    }

    /// The literal displays of a rendered section: runs of lines indented deeper than its text.
    static func displays(inSection name: String, of page: String) -> [[String]] {
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let heading = lines.firstIndex(of: name) else { return [] }
        let section = lines[(heading + 1)...].prefix { $0.isBlank || $0.indentation > 0 }
        let textIndent = section.filter { !$0.isBlank }.map(\.indentation).min() ?? 0
        var displays: [[String]] = []
        var current: [String] = []
        for line in section {
            if !line.isBlank && line.indentation > textIndent {
                current.append(line)
            } else if !current.isEmpty {
                displays.append(current)
                current = []
            }
        }
        if !current.isEmpty { displays.append(current) }
        return displays
    }
}

extension StringProtocol {
    var indentation: Int { prefix { $0 == " " }.count }
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
