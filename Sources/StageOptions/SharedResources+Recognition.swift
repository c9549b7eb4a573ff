import Stages
import SwitchboardCore

extension SharedResources {
    /// The process's pocketsphinx decoders: one pool, its size set by the first stage that asks
    /// (a later `--decoders` does not resize it). A model that is not installed is a
    /// configuration error naming the missing file.
    func decoderPool(size: Int, model: PocketsphinxModel) throws -> PocketsphinxDecoderPool {
        do { try model.checkInstalled() } catch {
            throw StageFailure(.config, "\(error) (install pocketsphinx-en-us, or give --model)")
        }
        return decoderPools.value(for: model.acousticModel) { PocketsphinxDecoderPool(size: size, model: model) }
    }

    /// A JSGF grammar, checked once per process; a malformed one is a configuration error
    /// whose message starts `file:line:`.
    func recognitionGrammar(file: String, text: () throws -> String) throws -> RecognitionGrammar {
        try grammars.value(for: file) {
            do {
                return try RecognitionGrammar(jsgf: try text(), file: file)
            } catch let failure as StageFailure {
                throw failure
            } catch {
                throw StageFailure(.config, "\(error)")
            }
        }
    }
}
