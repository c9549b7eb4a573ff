import CPocketSphinx

/// One pocketsphinx decoder (`ps_decoder_t`) with the searches it has been given.
///
/// Not thread-safe: it lives on its `DecoderThread` and is only used there. Free-form search
/// (the n-gram model) is the one `ps_init` sets up; a grammar rule becomes a finite-state
/// search the first time an utterance on this decoder asks for it, and stays.
final class PocketsphinxDecoder {
    /// What one utterance decoded to.
    struct Hypothesis: Sendable, Equatable {
        var text: String
        /// Posterior probability of `text` in the utterance's word lattice (0…1).
        var confidence: Double
        /// 10 ms frames decoded in the utterance.
        var frames = 0
    }

    private let decoder: OpaquePointer
    private let cepstralMean: [mfcc_t]
    /// The n-gram search `ps_init` made (`_default`).
    let freeFormSearch: String
    /// Grammars parsed for this decoder, by `RecognitionGrammar.id`.
    private var grammars: [Int: OpaquePointer] = [:]
    private var searches: Set<String> = []
    private var inUtterance = false

    init(model: PocketsphinxModel) throws(PocketsphinxError) {
        try model.checkInstalled()
        let arguments = model.decoderArguments
        var argv = arguments.map { strdup($0) }
        defer { argv.forEach { free($0) } }
        guard let config = cmd_ln_parse_r(nil, ps_args(), Int32(argv.count), &argv, 0) else {
            throw .decoderFailed("bad arguments: \(arguments.dropFirst().joined(separator: " "))")
        }
        defer { cmd_ln_free_r(config) }
        guard let decoder = ps_init(config) else { throw .decoderFailed("ps_init failed for \(model.acousticModel)") }
        self.decoder = decoder
        freeFormSearch = String(cString: ps_get_search(decoder))
        cepstralMean = PocketsphinxModel.telephoneCepstralMean.map { mfcc_t($0) }
    }

    deinit {
        if inUtterance { ps_end_utt(decoder) }
        for grammar in grammars.values { jsgf_grammar_free(grammar) }
        ps_free(decoder)
    }

    /// The search for `rule` of `grammar`, added to this decoder on first use.
    func search(for grammar: RecognitionGrammar, rule: String) throws(PocketsphinxError) -> String {
        let name = "g\(grammar.id).\(rule)"
        if searches.contains(name) { return name }
        guard grammar.ruleNames.contains(rule) || grammar.allRuleNames.contains(rule) else { throw .unknownRule(rule) }
        let jsgf: OpaquePointer
        if let parsed = grammars[grammar.id] {
            jsgf = parsed
        } else {
            guard let parsed = jsgf_parse_string(grammar.jsgf, nil) else { throw .grammarRejected(file: grammar.file, rule: nil) }
            grammars[grammar.id] = parsed
            jsgf = parsed
        }
        let languageWeight = Float(cmd_ln_float_r(ps_get_config(decoder), "-lw"))
        // This sphinxbase names rules `grammar.rule` (and adds the angle brackets itself).
        guard let jsgfRule = jsgf_get_rule(jsgf, "\(grammar.name).\(rule)"),
              let fsg = jsgf_build_fsg(jsgf, jsgfRule, ps_get_logmath(decoder), languageWeight) else {
            throw .grammarRejected(file: grammar.file, rule: rule)
        }
        defer { fsg_model_free(fsg) }
        let missing = (0..<Int(fsg.pointee.n_word)).compactMap { index -> String? in
            let word = String(cString: fsg.pointee.vocab[index]!)
            guard let pronunciation = ps_lookup_word(decoder, word) else { return word }
            free(pronunciation)
            return nil
        }
        guard missing.isEmpty else { throw .wordsNotInDictionary(rule: rule, words: missing.sorted()) }
        // A search reads these settings from the decoder's configuration when it is made; the
        // n-gram search, made at ps_init, keeps the defaults.
        let config = ps_get_config(decoder)
        let (maxHMMs, silence) = (cmd_ln_int_r(config, "-maxhmmpf"), cmd_ln_float_r(config, "-silprob"))
        cmd_ln_set_int_r(config, "-maxhmmpf", PocketsphinxModel.grammarMaxHMMsPerFrame)
        cmd_ln_set_float_r(config, "-silprob", PocketsphinxModel.grammarSilenceProbability)
        let added = ps_set_fsg(decoder, name, fsg)
        cmd_ln_set_int_r(config, "-maxhmmpf", maxHMMs)
        cmd_ln_set_float_r(config, "-silprob", silence)
        guard added == 0 else { throw .grammarRejected(file: grammar.file, rule: rule) }
        searches.insert(name)
        return name
    }

    /// Starts an utterance with `search`. Its cepstral mean is `cepstralMean` (the telephone
    /// average when nil) for the whole utterance, so that the result does not depend on what
    /// this decoder decoded before; the utterance's own mean is gathered meanwhile (see
    /// `utteranceCepstralMean`).
    func begin(search: String, cepstralMean: [Float]? = nil) {
        if inUtterance { ps_end_utt(decoder) }
        ps_set_search(decoder, search)
        resetCepstralMean(to: cepstralMean.map { $0.map { mfcc_t($0) } } ?? self.cepstralMean)
        ps_start_utt(decoder)
        inUtterance = true
    }

    /// Live CMN subtracts its current mean from each frame and adds the frame to a running sum;
    /// the mean is recomputed from the sum only when the window fills (800 frames) and when the
    /// utterance ends. The sum starts empty, so the mean used stays `mean` for utterances up to
    /// 8 s, and at the end becomes the mean of this utterance's frames alone.
    private func resetCepstralMean(to mean: [mfcc_t]) {
        let cmn = ps_get_feat(decoder).pointee.cmn_struct!
        cmn_live_set(cmn, mean)
        for index in 0..<Int(cmn.pointee.veclen) { cmn.pointee.sum[index] = 0 }
        cmn.pointee.nframe = 0
    }

    /// The mean cepstrum of the utterance just finished (nil if it had no speech frames).
    func utteranceCepstralMean() -> [Float]? {
        let cmn = ps_get_feat(decoder).pointee.cmn_struct!
        guard !inUtterance, cmn.pointee.nframe > 0 else { return nil }
        return (0..<Int(cmn.pointee.veclen)).map { Float(cmn.pointee.cmn_mean[$0]) }
    }

    /// Decodes more of the utterance; returns the partial hypothesis so far ("" for none).
    func feed(_ samples: [Int16]) -> String {
        guard inUtterance else { return "" }
        if !samples.isEmpty {
            samples.withUnsafeBufferPointer { _ = ps_process_raw(decoder, $0.baseAddress, $0.count, 0, 0) }
        }
        var score: Int32 = 0
        return ps_get_hyp(decoder, &score).map { String(cString: $0) } ?? ""
    }

    /// Ends the utterance and returns what it decoded to.
    func finish() -> Hypothesis {
        guard inUtterance else { return Hypothesis(text: "", confidence: 0) }
        ps_end_utt(decoder)
        inUtterance = false
        var score: Int32 = 0
        let text = ps_get_hyp(decoder, &score).map { String(cString: $0) } ?? ""
        guard !text.isEmpty else { return Hypothesis(text: "", confidence: 0) }
        let posterior = logmath_exp(ps_get_logmath(decoder), ps_get_prob(decoder))
        return Hypothesis(text: text, confidence: min(1, max(0, posterior)), frames: Int(ps_get_n_frames(decoder)))
    }

    /// A whole utterance at once, with `cepstralMean` for all of it: the second pass of a final
    /// (with the utterance's own mean) and the free-form pass of a poor grammar match.
    func decode(_ samples: [Int16], search: String, cepstralMean: [Float]? = nil) -> Hypothesis {
        begin(search: search, cepstralMean: cepstralMean)
        _ = feed(samples)
        return finish()
    }
}
