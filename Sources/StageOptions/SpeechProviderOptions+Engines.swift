import Providers
import Speech
import Stages
import SwitchboardCore

extension SpeechProviderOptions {
    /// The engine `name` with `voice` (nil: its default). A missing API key is a
    /// configuration error (78) naming the variable to set.
    func engine(_ name: String, voice: String?, espeak: EspeakTTSEngine, speed: Double, resources: SharedResources) throws -> any TTSEngine {
        if name == "espeak" { return espeak }
        guard let variable = Self.keyVariables[name] else { throw StageFailure(.usage, "unknown engine \(name)") }
        guard let key = resources.environment[variable], !key.isEmpty else {
            throw StageFailure(.config, "engine \(name) needs an API key in $\(variable)")
        }
        _ = key
        throw StageFailure(.config, "engine \(name): not yet built")
    }
}
