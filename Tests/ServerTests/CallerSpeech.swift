import Audio
import Foundation

/// A caller's words spoken by espeak-ng, as Twilio sends them: 8 kHz µ-law.
enum CallerSpeech {
    static func mulaw(_ text: String, voice: String = "en-us+m3") async throws -> [UInt8] {
        let path = NSTemporaryDirectory() + "caller-\(UUID().uuidString).wav"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let status = try await exitStatus(of: "/usr/bin/env", ["espeak-ng", "-v", voice, "-s", "150", "-w", path, text])
        guard status == 0 else { throw SoundFileError("espeak-ng failed (is it installed?)") }
        let reader = try SoundFileReader(path: path)
        return MuLaw.encode(try Resampler.resample(reader.readAll(), from: reader.sampleRate, to: 8000, quality: .medium))
    }

    /// `ms` of line silence.
    static func silence(ms: Int) -> [UInt8] { [UInt8](repeating: 0xFF, count: ms * 8) }
}

/// Runs a program and awaits its exit status off Swift's cooperative pool (a blocking
/// `waitUntilExit` would hold one of its two threads from every other test).
func exitStatus(of executable: String, _ arguments: [String]) async throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    return try await withCheckedThrowingContinuation { continuation in
        process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
        do { try process.run() } catch {
            process.terminationHandler = nil
            continuation.resume(throwing: error)
        }
    }
}
