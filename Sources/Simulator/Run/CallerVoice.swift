import Audio
import Foundation
import Speech

/// What the virtual caller says, as the 8 kHz µ-law a telephone line carries: scenario text
/// spoken by a local synthesizer (espeak-ng through its library, flite as a program) or a
/// sound file, resampled.
///
/// Each distinct utterance is made once per process and shared: a load run of 500 callers
/// saying the same lines synthesizes each line once, not 500 times.
public final class CallerVoice: Sendable {
    public static let shared = CallerVoice()

    private let memo = UtteranceMemo()

    public init() {}

    public struct VoiceError: Error, CustomStringConvertible {
        public let description: String
    }

    public func audio(for utterance: ScenarioUtterance, voice: ScenarioVoice) async throws -> [UInt8] {
        let key: String
        switch utterance {
        case .text(let text): key = "\(voice)\u{0}\(text)"
        case .file(let path): key = "file\u{0}\(path)"
        }
        return try await memo.value(for: key) {
            switch utterance {
            case .text(let text): try await Self.synthesize(text, voice: voice)
            case .file(let path): try await Self.read(path)
            }
        }
    }

    static func synthesize(_ text: String, voice: ScenarioVoice) async throws -> [UInt8] {
        switch voice.engine {
        case .espeak where text.contains("[["):
            // Phoneme input (`[[m,h'm]]`: a hum, which espeak-ng's text reading cannot say;
            // "mm-hm" it spells out) is read by its program, not through the library.
            let path = NSTemporaryDirectory() + "switchboard-espeak-\(UUID().uuidString).wav"
            defer { try? FileManager.default.removeItem(atPath: path) }
            try await SynthesizerProcess.run("/usr/bin/espeak-ng", ["-v", voice.name, "-w", path, text], name: "espeak-ng")
            return trimmed(try await read(path))
        case .espeak:
            let request = SpeechRequest(text: text, voice: voice.name, format: .telephone)
            return trimmed(try await EspeakSynthesizer.shared.synthesize(request).audio)
        case .flite:
            let path = NSTemporaryDirectory() + "switchboard-flite-\(UUID().uuidString).wav"
            defer { try? FileManager.default.removeItem(atPath: path) }
            try await SynthesizerProcess.run("/usr/bin/flite", ["-voice", voice.name, "-t", text, "-o", path], name: "flite")
            return trimmed(try await read(path))
        }
    }

    /// Synthesizers pad a clip with silence; a caller's speech ends with its last sound, or
    /// turn latency (from the end of the caller's speech) would start too early. 20 ms is kept
    /// either side, as a person's breath.
    static func trimmed(_ mulaw: [UInt8]) -> [UInt8] {
        let loud = { (byte: UInt8) in abs(Int(MuLaw.decode(byte))) > 200 }
        guard let first = mulaw.firstIndex(where: loud), let last = mulaw.lastIndex(where: loud) else { return mulaw }
        return Array(mulaw[max(0, first - 160)...min(mulaw.count - 1, last + 160)])
    }

    /// A sound file of any rate libsndfile reads, as 8 kHz µ-law.
    static func read(_ path: String) async throws -> [UInt8] {
        try await BlockingWork.run {
            let reader = try SoundFileReader(path: path)
            let samples = reader.readAll()
            let telephone = reader.sampleRate == 8000 ? samples : try Resampler.resample(samples, from: reader.sampleRate, to: 8000)
            return MuLaw.encode(telephone)
        }
    }
}

/// One synthesis per key, however many callers ask at once.
private actor UtteranceMemo {
    private var made: [String: Task<[UInt8], any Error>] = [:]
    /// Distinct utterances a scenario set may hold; past this, old ones are made again.
    private static let limit = 1_000

    func value(for key: String, make: @escaping @Sendable () async throws -> [UInt8]) async throws -> [UInt8] {
        if let task = made[key] { return try await task.value }
        if made.count >= Self.limit { made.removeAll() }
        let task = Task { try await make() }
        made[key] = task
        do { return try await task.value } catch {
            made[key] = nil
            throw error
        }
    }
}

/// A synthesizer program writing a WAV file, awaited without holding a pool thread.
enum SynthesizerProcess {
    static func run(_ executable: String, _ arguments: [String], name: String) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: CallerVoice.VoiceError(description: "cannot run \(name) (apt-get install \(name)): \(error)"))
            }
        }
        guard status == 0 else {
            let message = String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
            throw CallerVoice.VoiceError(description: "\(name) \(arguments.joined(separator: " ")) failed (\(status)): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
