import Foundation
import SwitchboardCore

/// The STT evaluation corpus written by `scripts/stt-corpus.py`: WAV files and a
/// `manifest.json` saying what each one says.
public struct RecognitionCorpus: Sendable {
    public struct Item: Sendable {
        /// Path of the WAV file (8 kHz pcm16, through the telephone chain).
        public var file: String
        public var text: String
        /// `receptionist` (said to the example script), `general`, or `human` (a real recording).
        public var kind: String
        /// The script state it would be said in, and that state's grammar rule.
        public var state: String?
        public var rule: String?
        public var voice: String
        /// dB, nil for clean audio.
        public var snr: Double?
        /// `tuning` or `evaluation`.
        public var split: String
    }

    public let folder: String
    public let items: [Item]

    public init(folder: String) throws {
        self.folder = folder
        let path = folder + "/manifest.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StageFailure(.dataError, "no corpus at \(path) (make stt-corpus writes it)")
        }
        let json: JSON
        do { json = try JSONParser.parse(String(decoding: data, as: UTF8.self)) } catch {
            throw StageFailure(.dataError, "\(path): \(error)")
        }
        let entries = json.array ?? json.object?["items"]?.array ?? []
        items = try entries.enumerated().map { index, entry in
            guard let object = entry.object, let file = object["file"]?.string, let text = object["text"]?.string else {
                throw StageFailure(.dataError, "\(path): item \(index) lacks a string \"file\" or \"text\"")
            }
            return Item(file: file.hasPrefix("/") ? file : folder + "/" + file, text: text, kind: object["kind"]?.string ?? "general",
                        state: object["state"]?.string, rule: object["rule"]?.string, voice: object["voice"]?.string ?? "?",
                        snr: object["snr"]?.double, split: object["split"]?.string ?? object["set"]?.string ?? "evaluation")
        }
    }
}
