import Logging
import Runtime
import SwitchboardCore

/// The built-in stages, plus `cached-speech`; for the peer, no built-in stages: every tool
/// then runs as a subprocess (the tools beside the bench executable, on PATH).
struct BenchStages: StageFactory {
    let builtIn: BuiltInStages?

    init(logger: Logger, builtInsAsProcesses: Bool) {
        builtIn = builtInsAsProcesses ? nil : BuiltInStages(logger: logger)
    }

    func makeStage(_ argv: [String]) throws -> (any Stage)? {
        argv.first == "cached-speech" ? CachedSpeech() : try builtIn?.makeStage(argv)
    }
}
