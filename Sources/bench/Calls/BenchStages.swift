import Logging
import Runtime
import SwitchboardCore

/// The built-in stages, plus `cached-speech`.
struct BenchStages: StageFactory {
    let builtIn: BuiltInStages

    init(logger: Logger) { builtIn = BuiltInStages(logger: logger) }

    func makeStage(_ argv: [String]) throws -> (any Stage)? {
        argv.first == "cached-speech" ? CachedSpeech() : try builtIn.makeStage(argv)
    }
}
