import Foundation
import Yams

extension Scenario {
    static let topKeys = ["name", "tenant", "voice", "noise", "steps", "expect"]

    /// The scenario in the file at `path`; files it names are looked for beside it.
    public init(contentsOf path: String) throws(ScenarioError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScenarioError(file: path, message: "cannot read the scenario: \(error.localizedDescription)", isUnreadable: true)
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try self.init(yaml: text, file: path, directory: directory)
    }

    /// The scenario written in `yaml`, called `file` in messages, its relative paths resolved
    /// against `directory`.
    public init(yaml: String, file: String, directory: String) throws(ScenarioError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ScenarioError(yamlSyntax: error, file: file)
        }
        guard let root, root.null == nil else {
            throw ScenarioError(file: file, message: "the scenario is empty (it needs at least \"steps\")")
        }
        let reader = ScenarioReader(file: file, directory: directory)
        self = try reader.scenario(ScenarioNode(node: root, path: "", file: file))
    }

    /// `booking.scenario.yaml` is called "booking".
    static func defaultName(file: String) -> String {
        var name = URL(fileURLWithPath: file).lastPathComponent
        for suffix in [".yaml", ".yml", ".scenario"] where name.hasSuffix(suffix) && name.count > suffix.count {
            name.removeLast(suffix.count)
        }
        return name
    }
}

/// Turns a scenario's YAML into a `Scenario`, checking every value as it goes.
struct ScenarioReader {
    let file: String
    /// Where relative sound-file paths start.
    let directory: String

    func scenario(_ yaml: ScenarioNode) throws(ScenarioError) -> Scenario {
        let top = try yaml.mapping("the scenario", allowed: Scenario.topKeys)
        let stepsYAML = try top.required("steps")
        var scenario = Scenario(name: try top["name"]?.text() ?? Scenario.defaultName(file: file), steps: try steps(stepsYAML))
        scenario.file = file
        scenario.tenant = try top["tenant"]?.text()
        if let voice = top["voice"] { scenario.voice = try self.voice(voice) }
        if let noise = top["noise"] {
            let mapping = try noise.mapping("\"noise\"", allowed: ["snr_db"])
            scenario.noise = ScenarioNoise(snrDecibels: try mapping.required("snr_db").number(in: 0...60, unit: "decibels"))
        }
        if let expect = top["expect"] { scenario.expectations = try expectations(expect) }
        return scenario
    }

    /// `en-us+m3`, `espeak:en-us+m3` or `flite:slt`.
    func voice(_ yaml: ScenarioNode) throws(ScenarioError) -> ScenarioVoice {
        let written = try yaml.text()
        guard !written.contains(where: \.isWhitespace) else { throw yaml.error("\"voice\" must not contain spaces, not \"\(written)\"") }
        guard let colon = written.firstIndex(of: ":") else { return ScenarioVoice(engine: .espeak, name: written) }
        let engineName = String(written[..<colon])
        let name = String(written[written.index(after: colon)...])
        guard let engine = ScenarioVoice.Engine(rawValue: engineName) else {
            let engines = ScenarioVoice.Engine.allCases.map(\.rawValue).joined(separator: ", ")
            throw yaml.error("unknown synthesizer \"\(engineName)\" in \"voice\" (expected \(engines))")
        }
        guard !name.isEmpty else { throw yaml.error("\"voice\" names no \(engineName) voice after the colon") }
        return ScenarioVoice(engine: engine, name: name)
    }

    /// A path as written, made absolute, that must name an existing file.
    func soundFile(_ yaml: ScenarioNode) throws(ScenarioError) -> String {
        let written = try yaml.text()
        let path = written.hasPrefix("/") ? written : URL(fileURLWithPath: directory).appendingPathComponent(written).standardized.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw yaml.error("\"\(yaml.path)\": no such file \(path)")
        }
        guard !isDirectory.boolValue else { throw yaml.error("\"\(yaml.path)\": \(path) is a folder, not a sound file") }
        return path
    }
}
