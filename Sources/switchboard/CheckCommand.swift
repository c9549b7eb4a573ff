import ArgumentParser
import Foundation
import Server
import StageOptions
import SwitchboardCore
import ToolSupport

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a `switchboard serve` configuration file and print the graph each tenant runs.",
        discussion: """
            Reads CONFIG (YAML: listen, public_url, graph, tenants, parameters, twilio, limits, \
            record_dir, trace_dir, transfer_to; see switchboard(1)) and builds every tenant's \
            graph as `switchboard serve` would at start, so that unknown keys, wrong types, bad \
            tool options, scripts, grammars and prompt files fail here, with the file and line.

            Prints one line per tenant on stdout: the tenant's name (`*` for the shared graph, \
            which calls without a known tenant run), a tab, and the graph it runs: the tenant's \
            options put in, paths made absolute, and cloud engines whose API key is not set \
            left out. Each engine left out is a warning on stderr.

            Exit status: 0 the configuration is good, 66 CONFIG cannot be read, 78 bad \
            configuration (the message names the file, line and key).

            Examples:
              switchboard check Examples/switchboard.yaml
              DEEPGRAM_API_KEY=x GROQ_API_KEY=x ELEVENLABS_API_KEY=x \\
                switchboard check Examples/switchboard.yaml | grep deepgram
              switchboard check Examples/switchboard.yaml | cut -f1
              printf 'graph: vad\\nlimits: {max_call: 3}\\n' > out/bad.yaml
              switchboard check out/bad.yaml || test $? -eq 78
            """)

    @Argument(help: ArgumentHelp("The configuration file.", valueName: "config"), completion: .file(extensions: ["yaml", "yml"]))
    var config: String

    @OptionGroup var log: LogOptions

    func run() throws {
        let logger = log.makeLogger(label: "switchboard.check")
        do {
            let configuration = try ServeConfigurationLoader.load(contentsOf: config)
            let graphs = CallGraphs(configuration: configuration, resources: SharedResources(), logger: logger)
            for plan in try graphs.buildAll() {
                print("\(plan.tenant ?? "*")\t\(plan.graph)")
            }
        } catch {
            FileHandle.standardError.write(Data("switchboard check: \(error)\n".utf8))
            try (error.isUnreadable ? ExitStatus.noInput : .config).exit()
        }
    }
}
