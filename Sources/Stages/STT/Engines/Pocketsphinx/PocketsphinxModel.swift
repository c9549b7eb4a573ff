import Foundation

/// Where pocketsphinx's model lives and how its decoders are configured.
///
/// The front end and search settings are tuned for what a telephone call gives this 16 kHz
/// model: 8 kHz audio, upsampled by the stage (see `decoderArguments`). The model is read by
/// every decoder of a pool, so a wrong path shows up once, at the first utterance, or at once
/// with `checkInstalled()`.
public struct PocketsphinxModel: Sendable, Equatable {
    /// The acoustic model folder (`-hmm`).
    public var acousticModel: String
    /// The pronunciation dictionary (`-dict`).
    public var dictionary: String
    /// The n-gram language model of free-form recognition (`-lm`).
    public var languageModel: String
    /// Further decoder arguments, after the tuned ones (a later argument wins).
    public var extraArguments: [String]

    public init(acousticModel: String, dictionary: String, languageModel: String, extraArguments: [String] = []) {
        self.acousticModel = acousticModel
        self.dictionary = dictionary
        self.languageModel = languageModel
        self.extraArguments = extraArguments
    }

    /// The files of a model folder laid out as Debian's `pocketsphinx-en-us` does.
    public init(folder: String) {
        self.init(acousticModel: folder + "/en-us", dictionary: folder + "/cmudict-en-us.dict", languageModel: folder + "/en-us.lm.bin")
    }

    /// Debian's US English model (`pocketsphinx-en-us`), 16 kHz only.
    public static let debian = PocketsphinxModel(folder: "/usr/share/pocketsphinx/model/en-us")

    /// Throws `PocketsphinxError.modelMissing` naming the first file that is not there.
    public func checkInstalled() throws(PocketsphinxError) {
        for path in [acousticModel + "/mdef", acousticModel + "/means", dictionary, languageModel]
        where !FileManager.default.isReadableFile(atPath: path) {
            throw .modelMissing(path: path)
        }
    }

    /// The average cepstrum of telephone speech upsampled to 16 kHz, measured with this model's
    /// front end on recorded prompts. Every utterance starts its cepstral mean here, so that
    /// what a decoder heard before (another call, another voice) does not change the words,
    /// and so that the first second of speech is not normalised with the model's wideband mean
    /// (41, -5.3, …), which is far from a band-limited signal's.
    static let telephoneCepstralMean: [Float] = [48.35, 35.51, -26.84, 37.53, -17.42, 1.00, 8.53, -19.95, 21.62, -12.51, -5.33, 5.49, -12.41]

    /// The argv of `cmd_ln_parse_r`, program name first.
    var decoderArguments: [String] {
        ["pocketsphinx",
         "-hmm", acousticModel, "-dict", dictionary, "-lm", languageModel,
         "-logfn", "/dev/null",
         // Live cepstral mean normalisation, primed per utterance (see telephoneCepstralMean):
         // batch CMN would hold back partial results until the end.
         "-cmn", "live",
        ] + extraArguments
    }
}
