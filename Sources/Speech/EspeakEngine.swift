import CEspeakNG

/// A voice espeak-ng has.
public struct EspeakVoice: Sendable, Hashable {
    /// Display name ("English (America)").
    public var name: String
    /// File identifier ("gmw/en-US").
    public var identifier: String
    /// Language names it speaks, most preferred first ("en-us").
    public var languages: [String]
}

/// libespeak-ng itself. It keeps its state in globals, so exactly one of these exists and it
/// is used only on the synthesis thread (`SynthesisThread`); nothing here is thread-safe.
final class EspeakEngine {
    let voices: [EspeakVoice]
    private var currentVoice: String?

    init() throws(SpeechError) {
        // Synchronous: espeak_Synth returns when the text is spoken, calling back on this
        // thread with ~60 ms buffers. DONT_EXIT: a missing data folder is an error, not exit().
        let rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 60, nil, Int32(espeakINITIALIZE_DONT_EXIT))
        guard rate == Int32(EspeakSynthesizer.nativeRate) else {
            throw .engine(rate < 0 ? "initialisation failed (is espeak-ng-data installed?)" : "unexpected native rate \(rate) Hz")
        }
        espeak_SetSynthCallback(synthCallback)
        voices = Self.listVoices()
    }

    /// Speaks `job`'s text into its output; returns the reason it stopped early, if any.
    func speak(_ job: EspeakJob) -> SpeechError? {
        let request = job.request
        if request.voice != currentVoice {
            currentVoice = nil
            guard select(request.voice) else {
                return .unknownVoice(request.voice, available: voices.flatMap { $0.languages.prefix(1) }.sorted())
            }
            currentVoice = request.voice
        }
        espeak_SetParameter(espeakRATE, Int32(request.rate), 0)
        espeak_SetParameter(espeakPITCH, Int32(request.pitch), 0)
        job.starting()
        let context = Unmanaged.passUnretained(job).toOpaque()
        let size = request.text.utf8.count + 1
        let result = request.text.withCString { text in
            espeak_Synth(text, size, 0, POS_CHARACTER, 0, UInt32(espeakCHARS_UTF8), nil, context)
        }
        // After an abort (cancelled, or a stalled reader) espeak may still hold the rest of
        // the text; make sure the next request starts clean.
        if job.isCancelled || job.error != nil { espeak_Cancel() }
        return result == EE_OK ? nil : .engine("synthesis failed (error \(result.rawValue))")
    }

    /// By name or file ("en-us", "English (America)", "en-us+f3"), else by a language one of
    /// the voices lists ("en-gb" is the file `gmw/en`, which the name lookup misses). Never a
    /// best-effort match for an unknown language: that would speak in the wrong voice.
    private func select(_ voice: String) -> Bool {
        if espeak_SetVoiceByName(voice) == EE_OK { return true }
        let language = voice.lowercased()
        guard voices.contains(where: { $0.languages.contains(language) }) else { return false }
        return language.withCString { name in
            var spec = espeak_VOICE()
            spec.languages = name
            return espeak_SetVoiceByProperties(&spec) == EE_OK
        }
    }

    private static func listVoices() -> [EspeakVoice] {
        guard let list = espeak_ListVoices(nil) else { return [] }
        var voices: [EspeakVoice] = []
        var index = 0
        while let voice = list[index]?.pointee {
            index += 1
            voices.append(EspeakVoice(
                name: voice.name.map { String(cString: $0) } ?? "",
                identifier: voice.identifier.map { String(cString: $0) } ?? "",
                languages: voice.languages.map(Self.languages) ?? []))
        }
        return voices
    }

    /// `languages` is a list of (priority byte, NUL-terminated name), ended by an empty name.
    private static func languages(_ pointer: UnsafePointer<CChar>) -> [String] {
        var names: [String] = []
        var cursor = pointer
        while cursor.pointee != 0 {
            let name = String(cString: cursor + 1)
            if name.isEmpty { break }
            names.append(name)
            cursor += 1 + name.utf8.count + 1
        }
        return names
    }
}

/// espeak's synth callback: a C function, so it finds its job through `user_data`, which every
/// event (the list terminator included) carries. A nil `wav` marks the end of synthesis.
private func synthCallback(_ wav: UnsafeMutablePointer<Int16>?, _ count: Int32, _ events: UnsafeMutablePointer<espeak_EVENT>?) -> Int32 {
    guard let events, let context = events.pointee.user_data else { return 0 }
    let job = Unmanaged<EspeakJob>.fromOpaque(context).takeUnretainedValue()
    var words: [(position: Int, ms: Int)] = []
    var event = events
    while event.pointee.type != espeakEVENT_LIST_TERMINATED {
        if event.pointee.type == espeakEVENT_WORD {
            words.append((Int(event.pointee.text_position), Int(event.pointee.audio_position)))
        }
        event += 1
    }
    let samples = UnsafeBufferPointer(start: wav.map { UnsafePointer($0) }, count: wav == nil ? 0 : Int(max(0, count)))
    return job.deliver(samples, words: words) ? 0 : 1
}
