import Foundation
import Speech
import SpeechCache
import Stages
import SwitchboardCore

/// A directory store of its own per test, and the frames a test feeds `tts-cache`.
struct TTSCacheHarness {
    let directory = NSTemporaryDirectory() + "tts-cache-tests-\(UUID().uuidString)"
    let store: DirectoryClipStore

    init() throws { store = try DirectoryClipStore(directory: directory) }

    func stage(_ engines: [any TTSEngine] = [EspeakTTSEngine()], format: SpeechFormat = .telephone, cached: Bool = true,
               maxChars: Int = 2000) -> TTSCache {
        TTSCache(settings: SpeechSettings(engines: engines, store: cached ? store : nil, format: format, maxChars: maxChars))
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}

func sentence(_ text: String?, turn: Int = 1, index: Int = 0) -> Frame {
    var fields: JSONObject = ["turn": .int(turn), "index": .int(index)]
    if let text { fields["text"] = .string(text) }
    return .event(Event("sentence", fields))
}

extension [Frame] {
    var events: [Event] { compactMap(\.event) }
    func events(_ type: String) -> [Event] { events.filter { $0.type == type } }
    var audioBytes: [UInt8] { compactMap(\.audio).flatMap(\.payload) }
    /// The `words` of each `spoken` event, as (text, ms) pairs.
    var spokenWords: [[String]] {
        events("spoken").map { event in
            (event["words"]?.array ?? []).compactMap { word in
                guard let object = word.object, let text = object["text"]?.string, let ms = object["ms"]?.int else { return nil }
                return "\(text)@\(ms)"
            }
        }
    }
}
