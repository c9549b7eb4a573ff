import Foundation
import Telephony
import Runtime
import Yams

/// Reads a `switchboard serve` configuration file (YAML) into a `ServeConfiguration`, checking
/// what it can without building anything: unknown keys, wrong types, values out of range, a
/// graph that does not parse, tenant options for tools the graph does not run. Every error
/// points at the offending line and names the key. Relative paths are relative to the file's
/// folder. `switchboard check` then builds every tenant's graph (`CallGraphs`), which finds
/// the rest: bad tool options, scripts, grammars, missing keys.
public struct ServeConfigurationLoader {
    static let topKeys = ["listen", "public_url", "graph", "tenants", "parameters", "twilio", "limits", "record_dir", "trace_dir", "transfer_to"]
    static let twilioKeys = ["account_sid", "auth_token", "api_base_url", "status_callback"]
    static let limitKeys = ["max_calls", "drain_s", "idle_prompt_s", "idle_hangup_s", "idle_prompt", "mark_grace_s", "stall_ms", "start_timeout_s"]

    let file: String
    /// The folder relative paths start from.
    let directory: String
    /// Where `TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN` are looked up.
    let environment: [String: String]

    /// The file at `path`. A file that cannot be read is an error marked `isUnreadable` (66).
    public static func load(contentsOf path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ServeConfigurationError) -> ServeConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ServeConfigurationError(file: path, message: "cannot read the file: \(error.localizedDescription)", isUnreadable: true)
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try load(yaml: text, file: path, directory: directory, environment: environment)
    }

    /// `text`, named `file` in messages, its relative paths taken from `directory`.
    public static func load(yaml text: String, file: String, directory: String, environment: [String: String]) throws(ServeConfigurationError) -> ServeConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ServeConfigurationError(yaml: error, file: file)
        }
        guard let root, root.null == nil else { throw ServeConfigurationError(file: file, message: "the configuration is empty (it needs at least a graph)") }
        let loader = ServeConfigurationLoader(file: file, directory: directory, environment: environment)
        return try loader.configuration(ConfigurationNode(node: root, key: "", file: file))
    }

    private func configuration(_ yaml: ConfigurationNode) throws(ServeConfigurationError) -> ServeConfiguration {
        let top = try yaml.mapping("the configuration", allowed: Self.topKeys)
        let graphYAML = try top.required("graph")
        let graph = try self.graph(graphYAML)
        var configuration = ServeConfiguration(graph: graph.description)
        configuration.file = file
        configuration.graphLine = graphYAML.node.mark?.line

        if let listen = top["listen"] {
            guard let address = HostAndPort(parsing: try listen.string()) else {
                throw listen.error("\"listen\" must be HOST:PORT (127.0.0.1:8080, [::1]:8080), not \"\(try listen.string())\"")
            }
            configuration.listen = address
        }
        if let url = top["public_url"] { configuration.publicURL = try publicURL(url) }
        if let tenants = top["tenants"] {
            for entry in try tenants.entries("tenants") {
                configuration.tenants[entry.name] = try tenant(entry, sharedGraph: graph)
            }
        }
        if let parameters = top["parameters"] {
            for entry in try parameters.entries("parameters") {
                configuration.streamParameters[entry.name] = entry.value.isNull ? "" : try entry.value.string()
            }
        }
        configuration.twilio = try twilio(top["twilio"])
        if let limits = top["limits"] { configuration.limits = try self.limits(limits) }
        configuration.recordDirectory = try top["record_dir"].map { yaml throws(ServeConfigurationError) in try path(yaml) }
        configuration.traceDirectory = try top["trace_dir"].map { yaml throws(ServeConfigurationError) in try path(yaml) }
        if let transfer = top["transfer_to"] { configuration.transferTo = try transferTarget(transfer) }
        return configuration
    }

    /// A graph string, parsed (a syntax error points at the graph's line), its paths resolved.
    func graph(_ yaml: ConfigurationNode) throws(ServeConfigurationError) -> GraphDescription {
        let text = try yaml.text()
        do {
            return GraphPaths.resolve(try GraphDescription(parsing: text), in: directory)
        } catch {
            throw yaml.error("\"\(yaml.key)\": \(error)")
        }
    }

    /// A path, relative to the configuration's folder.
    func path(_ yaml: ConfigurationNode) throws(ServeConfigurationError) -> String {
        GraphPaths.resolve(try yaml.text(), in: directory)
    }

    private func publicURL(_ yaml: ConfigurationNode) throws(ServeConfigurationError) -> String {
        var url = try yaml.text()
        guard url.hasPrefix("https://") || url.hasPrefix("http://"), let parsed = URL(string: url), parsed.host != nil else {
            throw yaml.error("\"public_url\" must be an http(s) URL such as https://agent.example.com, not \"\(url)\"")
        }
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// A phone number (`+15551234567`) or a SIP URI (`sip:desk@example.com`): what `<Dial>`
    /// takes, checked as the REST transfer checks it.
    private func transferTarget(_ yaml: ConfigurationNode) throws(ServeConfigurationError) -> String {
        let target = try yaml.text()
        guard TwiML.isDialTarget(target) else {
            throw yaml.error("\"transfer_to\" must be a phone number in E.164 form (+15551234567) or a SIP URI (sip:desk@example.com), not \"\(target)\"")
        }
        return target
    }

    /// The file's settings, then the environment's for what the file leaves out.
    private func twilio(_ yaml: ConfigurationNode?) throws(ServeConfigurationError) -> TwilioSettings {
        var settings = TwilioSettings()
        if let yaml {
            let twilio = try yaml.mapping("twilio", allowed: Self.twilioKeys)
            settings.accountSID = try twilio["account_sid"]?.text()
            settings.authToken = try twilio["auth_token"]?.text()
            if let base = twilio["api_base_url"] {
                var url = try base.text()
                guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                    throw base.error("\"twilio.api_base_url\" must be an http(s) URL, not \"\(url)\"")
                }
                while url.hasSuffix("/") { url.removeLast() }
                settings.apiBaseURL = url
            }
            if let callback = twilio["status_callback"] { settings.statusCallback = try callback.bool() }
        }
        settings.accountSID = settings.accountSID ?? environment["TWILIO_ACCOUNT_SID"].flatMap { $0.isEmpty ? nil : $0 }
        settings.authToken = settings.authToken ?? environment["TWILIO_AUTH_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        return settings
    }

    private func limits(_ yaml: ConfigurationNode) throws(ServeConfigurationError) -> CallLimits {
        let mapping = try yaml.mapping("limits", allowed: Self.limitKeys)
        var limits = CallLimits()
        if let value = mapping["max_calls"] { limits.maxCalls = try value.integer(in: 1...100_000) }
        if let value = mapping["drain_s"] { limits.drainSeconds = try value.number(in: 0...86_400) }
        if mapping.has("idle_prompt_s") { limits.idlePromptSeconds = try seconds(orNever: mapping, "idle_prompt_s") }
        if mapping.has("idle_hangup_s") { limits.idleHangupSeconds = try seconds(orNever: mapping, "idle_hangup_s") }
        if let value = mapping["idle_prompt"] { limits.idlePrompt = try value.text() }
        if let value = mapping["mark_grace_s"] { limits.markGraceSeconds = try value.number(in: 0...600) }
        if let value = mapping["stall_ms"] { limits.stallMs = try value.integer(in: 1...600_000) }
        if let value = mapping["start_timeout_s"] { limits.startTimeoutSeconds = try value.number(in: 0.1...600) }
        if let prompt = limits.idlePromptSeconds, let hangup = limits.idleHangupSeconds, hangup <= prompt, let node = mapping["idle_hangup_s"] {
            throw node.error("\"limits.idle_hangup_s\" (\(hangup)) must be longer than \"limits.idle_prompt_s\" (\(prompt)), or the prompt is never heard")
        }
        return limits
    }

    /// Seconds, or `never` (or null) for never.
    private func seconds(orNever mapping: ConfigurationMapping, _ key: String) throws(ServeConfigurationError) -> Double? {
        guard let value = mapping[key] else { return nil }
        if value.node.scalar?.string == "never" { return nil }
        do {
            return try value.number(in: 0.1...86_400)
        } catch {
            throw value.error("\(error.message) (write never to turn it off)")
        }
    }
}
