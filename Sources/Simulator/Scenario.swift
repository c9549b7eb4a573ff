/// One simulated call, as written in a scenario file (`switchboard-scenario(5)`): who calls, in
/// what voice, over how noisy a line, what they do in order, and what the call must show.
///
/// Load it with `Scenario(contentsOf:)`; everything in it has been checked, so a runner never
/// meets a malformed value half-way through a call.
public struct Scenario: Sendable, Equatable {
    /// Shown in reports; defaults to the file's name without `.yaml` and `.scenario`.
    public var name: String
    /// Sent as the stream's `tenant` parameter, which selects the server's tenant overrides;
    /// nil sends no parameter (the server's default tenant).
    public var tenant: String?
    /// How text lines are synthesized.
    public var voice: ScenarioVoice
    /// Line noise mixed into everything the caller sends, silence included; nil for a clean line.
    public var noise: ScenarioNoise?
    /// What the caller does, in order. Never empty.
    public var steps: [ScenarioStep]
    /// What the finished call must show; may be empty (the call is only measured).
    public var expectations: [ScenarioExpectation]
    /// The file it was read from, as given: messages about a step or an expectation start
    /// `FILE:LINE:`. Empty for a scenario made in code.
    public var file = ""

    public init(name: String, tenant: String? = nil, voice: ScenarioVoice = .standard, noise: ScenarioNoise? = nil,
                steps: [ScenarioStep], expectations: [ScenarioExpectation] = []) {
        self.name = name
        self.tenant = tenant
        self.voice = voice
        self.noise = noise
        self.steps = steps
        self.expectations = expectations
    }

    /// What messages name the scenario by: its file, or its name when it was made in code.
    public var source: String { file.isEmpty ? name : file }

    /// How long the caller stays on the line after the last step, waiting for the agent to end
    /// the call, before hanging up itself.
    public static let lingerSeconds = 10.0
}

/// A local synthesizer and one of its voices, written `en-us+m3` (espeak-ng) or `flite:slt`.
public struct ScenarioVoice: Sendable, Equatable, CustomStringConvertible {
    public enum Engine: String, Sendable, CaseIterable {
        case espeak
        case flite
    }

    public var engine: Engine
    /// The engine's own name for the voice (`en-us+m3`, `slt`).
    public var name: String

    public init(engine: Engine, name: String) {
        self.engine = engine
        self.name = name
    }

    /// espeak-ng's American English: installed wherever the embedded engines are.
    public static let standard = ScenarioVoice(engine: .espeak, name: "en-us")

    /// As written in a scenario: `espeak:` may be left out, `flite:` may not.
    public var description: String {
        engine == .espeak ? name : "\(engine.rawValue):\(name)"
    }
}

/// White noise at a signal-to-noise ratio, as a telephone line with hiss sounds.
public struct ScenarioNoise: Sendable, Equatable {
    /// Speech level over noise level, in decibels: 20 is a poor line, 40 barely audible.
    public var snrDecibels: Double

    public init(snrDecibels: Double) {
        self.snrDecibels = snrDecibels
    }
}
