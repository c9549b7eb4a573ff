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
    /// front end (the live mean at the end of each utterance, averaged) on a tuning set of
    /// recorded prompts and of espeak-ng and flite speech sent through 8 kHz µ-law. Every
    /// utterance starts its cepstral mean here, so that what a decoder heard before (another
    /// call, another voice) does not change the words, and so that the first second of speech
    /// is not normalised with the model's wideband mean (41, -5.3, …), far from a band-limited
    /// signal's. Tuning set WER, free-form: prompts 74 → 61 %, synthesized 41 → 42 %.
    static let telephoneCepstralMean: [Float] = [49.30, 32.48, -30.40, 41.00, -21.62, -0.58, 10.33, -25.44, 18.13, -13.60, -1.90, 6.91, -14.07]

    /// Grammar searches keep at most this many HMMs active per frame (the default, 30 000, is
    /// for n-gram search). Measured on the tuning set: the whole script's rule decodes twice
    /// (see `UtteranceDecoding.finish`) at RTF 0.29 with the default, 0.16 with 1 500, the
    /// same sentences right; per-state rules are unchanged either way.
    static let grammarMaxHMMsPerFrame = 1500
    /// Silence between grammar words: with the default (0.005) short words (`at`, `eight`,
    /// `two`) fill the pauses instead. Tuning set, per-state rules: 40 → 43 % of sentences.
    static let grammarSilenceProbability = 0.05

    /// The argv of `cmd_ln_parse_r`, program name first.
    var decoderArguments: [String] {
        ["pocketsphinx",
         "-hmm", acousticModel, "-dict", dictionary, "-lm", languageModel,
         "-logfn", "/dev/null",
         // Live cepstral mean normalisation, primed per utterance (see telephoneCepstralMean):
         // batch CMN would hold back partial results until the end.
         "-cmn", "live",
         // The noise estimate would carry over from one utterance (and call) to the next;
         // without it, recorded telephone prompts decode better too.
         "-remove_noise", "no",
        ] + extraArguments
    }
}
