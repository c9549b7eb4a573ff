import Audio
import Foundation
import Synchronization

/// Speech made by espeak-ng for the tests, at a telephone rate, with where it really is.
struct SynthesizedSpeech {
    let samples: [Int16]
    let rate: Int
    /// First and last moment (ms) of the utterance: the first and last 10 ms whose level is
    /// within 40 dB of the loudest 10 ms — the label definition of scripts/vad-corpus.py.
    let onsetMs: Int
    let offsetMs: Int

    private init(samples: [Int16], rate: Int, onsetMs: Int, offsetMs: Int) {
        self.samples = samples
        self.rate = rate
        self.onsetMs = onsetMs
        self.offsetMs = offsetMs
    }

    /// Where speech is in `samples`: the label definition of scripts/vad-corpus.py.
    static func span(of samples: [Int16], rate: Int) -> (onsetMs: Int, offsetMs: Int) {
        let hop = rate / 100
        let levels = stride(from: 0, to: samples.count - hop, by: hop).map { start in
            PCM16.rmsDBFS(Array(samples[start..<start + hop])) ?? -120
        }
        let loudest = levels.max() ?? 0
        let active = levels.indices.filter { levels[$0] > loudest - 40 }
        return ((active.first ?? 0) * 10, ((active.last ?? 0) + 1) * 10)
    }

    /// The same speech, louder or quieter (clipped at full scale), its span measured again:
    /// a clipped utterance is relatively louder in its quiet tail.
    func scaled(by gain: Double) -> SynthesizedSpeech {
        let scaled = samples.map { Int16(clamping: Int((Double($0) * gain).rounded())) }
        let (onset, offset) = Self.span(of: scaled, rate: rate)
        return SynthesizedSpeech(samples: scaled, rate: rate, onsetMs: onset, offsetMs: offset)
    }

    /// `text` spoken by espeak-ng. Async because the tests share Swift's two pool threads: the
    /// espeak-ng process is awaited off the pool (a blocking wait stalled every other test), and
    /// each text is synthesized once per test process.
    init(_ text: String, voice: String = "en-us", rate: Int) async throws {
        let (raw, sourceRate) = try await EspeakOutput.shared.speech(text, voice: voice)
        let samples = try Resampler.resample(raw, from: sourceRate, to: rate, quality: .medium)
        self.samples = samples
        self.rate = rate
        (onsetMs, offsetMs) = Self.span(of: samples, rate: rate)
    }
}

/// espeak-ng's output per (text, voice), synthesized once per test process.
private final class EspeakOutput: Sendable {
    static let shared = EspeakOutput()
    private let made = Mutex<[String: Task<([Int16], Int), any Error>]>([:])

    func speech(_ text: String, voice: String) async throws -> ([Int16], Int) {
        let task = made.withLock { made in
            if let task = made[voice + "\u{0}" + text] { return task }
            let task = Task { try await Self.synthesize(text, voice: voice) }
            made[voice + "\u{0}" + text] = task
            return task
        }
        return try await task.value
    }

    private static func synthesize(_ text: String, voice: String) async throws -> ([Int16], Int) {
        let path = NSTemporaryDirectory() + "vad-test-\(getpid())-\(UUID().uuidString).wav"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["espeak-ng", "-v", voice, "-w", path, text]
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        guard status == 0 else { throw SoundFileError("espeak-ng failed (is it installed?)") }
        let reader = try SoundFileReader(path: path)
        return (reader.readAll(), reader.sampleRate)
    }
}

/// Deterministic noise and signal helpers.
enum TestSignal {
    static func whiteNoise(_ count: Int, dBFS: Double, seed: UInt64) -> [Int16] {
        var state = seed
        let amplitude = 32768 * pow(10, dBFS / 20) * 1.7320508  // uniform: rms = a/√3
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let unit = Double(state >> 11) / Double(1 << 53) * 2 - 1
            return Int16(clamping: Int((unit * amplitude).rounded()))
        }
    }

    static func mix(_ a: [Int16], _ b: [Int16], gain: Double = 1) -> [Int16] {
        (0..<max(a.count, b.count)).map { i in
            let x = i < a.count ? Double(a[i]) : 0
            let y = i < b.count ? Double(b[i]) : 0
            return Int16(clamping: Int(((x + y) * gain).rounded()))
        }
    }

    static func silence(ms: Int, rate: Int) -> [Int16] { [Int16](repeating: 0, count: ms * rate / 1000) }
}
