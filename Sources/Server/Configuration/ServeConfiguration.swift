/// What `switchboard serve` runs: read from the YAML config file (`ServeConfigurationLoader`),
/// overridden by command-line flags. Defaults are what a local test wants.
public struct ServeConfiguration: Sendable {
    /// Where the HTTP server listens.
    public var listen = HostAndPort(host: "127.0.0.1", port: 8080)
    /// Where Twilio reaches this server, scheme included (`https://agent.example.com`): the
    /// `<Stream url>` and the signed URLs are built from it, because behind a proxy the Host
    /// header lies. Nil: `http://` + `listen`, for local use.
    public var publicURL: String?
    /// The call graph, as for `switchboard run`.
    public var graph: String
    /// Per-tenant overrides, chosen by the stream's `tenant` parameter.
    public var tenants: [String: TenantOverrides] = [:]
    /// `<Parameter>`s added to every `<Stream>` (the tenant comes from the request or the config).
    public var streamParameters: [String: String] = [:]
    public var twilio = TwilioSettings()
    public var limits = CallLimits()
    /// Per-call stereo WAV and transcript (JSON lines) go here; nil: not recorded.
    public var recordDirectory: String?
    /// Per-call trace (JSON lines) goes here; nil: not written.
    public var traceDirectory: String?
    /// Where `transfer` events without a `to` send the caller.
    public var transferTo: String?
    /// The file this came from, as the user named it, and the line of its `graph`: for
    /// messages about the graph found only when it is built (a bad option, a missing key).
    public var file: String?
    public var graphLine: Int?

    public init(graph: String) { self.graph = graph }
}

public struct HostAndPort: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }
    public var description: String { "\(host):\(port)" }
}

/// A tenant's changes to the shared graph: a whole graph of its own, or extra options per
/// tool (appended to that tool's nodes, so they win over the shared ones).
public struct TenantOverrides: Sendable, Equatable {
    public var graph: String?
    /// Tool name (`llm-stream`) → arguments appended to every node running that tool.
    public var options: [String: [String]] = [:]
    /// The line of the tenant's entry in the configuration file, for messages.
    public var line: Int?
    public init(graph: String? = nil, options: [String: [String]] = [:], line: Int? = nil) {
        self.graph = graph
        self.options = options
        self.line = line
    }
}

/// Twilio account settings: signatures are checked when `authToken` is set, and call control
/// uses the REST API when `accountSID` and `authToken` both are.
public struct TwilioSettings: Sendable, Equatable {
    public var accountSID: String?
    public var authToken: String?
    /// The REST API's root; `switchboard mock-providers` stands in for it in tests.
    public var apiBaseURL = "https://api.twilio.com"
    /// Ask Twilio for `<Stream statusCallback>` POSTs to `/twilio/status`.
    public var statusCallback = true
    public init() {}
}

/// Limits that keep one process healthy.
public struct CallLimits: Sendable, Equatable {
    /// Calls beyond this are refused (TwiML `<Reject>`, or a WebSocket close with a reason).
    public var maxCalls = 200
    /// On SIGTERM, how long active calls may go on before they are ended.
    public var drainSeconds = 30.0
    /// Caller silence before "Are you still there?"; nil: never.
    public var idlePromptSeconds: Double? = 8
    /// Caller silence before the call is ended; nil: never.
    public var idleHangupSeconds: Double? = 20
    public var idlePrompt = "Are you still there?"
    /// How long to wait for the mark after the last audio before a hang-up or transfer acts
    /// anyway, beyond the audio's own length.
    public var markGraceSeconds = 2.0
    /// An `a || b` node switches to b when a takes no input for this long.
    public var stallMs = 5000
    /// A socket that sends no `start` within this is closed.
    public var startTimeoutSeconds = 10.0
    public init() {}
}
