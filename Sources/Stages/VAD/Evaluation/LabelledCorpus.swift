import Audio
import Foundation

/// A corpus made by `scripts/vad-corpus.py`: sound files and, in `labels.json`, where speech is.
public struct LabelledCorpus: Sendable {
    public struct Recording: Sendable, Decodable {
        public var file: String
        /// "none" for the clean recording.
        public var noise: String
        /// nil for the clean recording.
        public var snrDB: Int?
        public var durationMs: Int
        /// Speech intervals [start, end) in ms.
        public var speech: [[Int]]

        enum CodingKeys: String, CodingKey {
            case file, noise, speech
            case snrDB = "snr_db"
            case durationMs = "duration_ms"
        }

        public var intervals: [Range<Int>] { speech.compactMap { $0.count == 2 && $0[0] < $0[1] ? $0[0]..<$0[1] : nil } }
    }

    private struct Labels: Decodable {
        var version: Int
        var files: [Recording]
    }

    public let directory: String
    public let recordings: [Recording]

    public init(directory: String) throws {
        let path = directory + "/labels.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationError("no corpus at \(directory): \(path) is missing (make corpus builds it)")
        }
        let labels: Labels
        do {
            labels = try JSONDecoder().decode(Labels.self, from: data)
        } catch {
            throw EvaluationError("\(path) is not a corpus label file: \(error)")
        }
        guard labels.version == 1 else { throw EvaluationError("\(path): label format version \(labels.version) is not 1") }
        self.directory = directory
        recordings = labels.files
    }

    /// The samples of one recording, at its own rate.
    public func samples(of recording: Recording) throws -> (samples: [Int16], rate: Int) {
        let reader = try SoundFileReader(path: directory + "/" + recording.file)
        return (reader.readAll(), reader.sampleRate)
    }
}
