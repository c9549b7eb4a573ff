import Audio
import Foundation
import Logging

/// What a call's observer writes: stereo recording samples, and lines of its transcript and
/// trace files.
enum CallFileItem: Sendable {
    /// Interleaved stereo µ-law (caller, agent, caller, …).
    case audio([UInt8])
    /// Stereo frames of silence: a gap, or audio dropped because the disk fell behind (the
    /// recording keeps its timing).
    case silence(frames: Int)
    case transcript([UInt8])
    case trace([UInt8])

    /// Memory the item holds while it waits.
    var weight: Int {
        switch self {
        case .audio(let bytes), .transcript(let bytes), .trace(let bytes): bytes.count
        case .silence: 16
        }
    }
}

/// One call's files, touched only from its `CallFileQueue`'s drain (one thread at a time), so
/// the blocking calls of libsndfile and `write(2)` never run on Swift's cooperative pool.
///
/// Files are opened when first written, or at close, so that every configured file exists
/// for every call (an empty transcript says nobody spoke). A file that cannot be opened or
/// written is reported once and then skipped: a full disk costs the recording, not the call.
final class CallFiles: @unchecked Sendable {
    struct Paths: Sendable {
        var recording: String?
        var transcript: String?
        var trace: String?
    }

    private let paths: Paths
    private let logger: Logger
    private let failed: @Sendable (String) -> Void
    private var recording: SoundFileWriter?
    private var transcript: Int32 = -1
    private var trace: Int32 = -1
    private var broken: Set<String> = []

    /// `failed` is told the kind of file (`recording`, `transcript`, `trace`) each time one breaks.
    init(paths: Paths, logger: Logger, failed: @escaping @Sendable (String) -> Void) {
        self.paths = paths
        self.logger = logger
        self.failed = failed
    }

    /// Writes a batch: consecutive lines for one file go out in one `write`.
    func write(_ items: [CallFileItem]) {
        var transcriptBytes: [UInt8] = []
        var traceBytes: [UInt8] = []
        for item in items {
            switch item {
            case .audio(let stereo): writeAudio(stereo)
            case .silence(let frames): writeSilence(frames)
            case .transcript(let line): transcriptBytes += line
            case .trace(let line): traceBytes += line
            }
        }
        if !transcriptBytes.isEmpty { append(transcriptBytes, to: &transcript, path: paths.transcript, kind: "transcript") }
        if !traceBytes.isEmpty { append(traceBytes, to: &trace, path: paths.trace, kind: "trace") }
    }

    /// Opens what was never opened (so the files exist), then closes everything; libsndfile
    /// completes the WAV header here.
    func close() {
        if paths.recording != nil { _ = openRecording() }
        append([], to: &transcript, path: paths.transcript, kind: "transcript")
        append([], to: &trace, path: paths.trace, kind: "trace")
        recording?.close()
        recording = nil
        for fd in [transcript, trace] where fd >= 0 { Foundation.close(fd) }
        transcript = -1
        trace = -1
    }

    /// µ-law goes into the file as it came (libsndfile's raw write): no decoding, no loss.
    private func writeAudio(_ stereo: [UInt8]) {
        guard let writer = openRecording() else { return }
        do { try writer.writeMuLaw(stereo) } catch { breaks("recording", error) }
    }

    private func writeSilence(_ frames: Int) {
        guard let writer = openRecording() else { return }
        var left = frames
        while left > 0 {
            let n = min(left, 4000)
            do { try writer.writeMuLaw([UInt8](repeating: SampleWindow.silence, count: n * 2)) } catch { return breaks("recording", error) }
            left -= n
        }
    }

    private func openRecording() -> SoundFileWriter? {
        guard let path = paths.recording, !broken.contains("recording") else { return nil }
        if let recording { return recording }
        do {
            try makeDirectory(of: path)
            recording = try SoundFileWriter(path: path, sampleRate: StereoTimeline.rate, encoding: .mulaw, channels: 2)
        } catch {
            breaks("recording", error)
        }
        return recording
    }

    private func append(_ bytes: [UInt8], to fd: inout Int32, path: String?, kind: String) {
        guard let path, !broken.contains(kind) else { return }
        if fd < 0 {
            do { try makeDirectory(of: path) } catch { return breaks(kind, error) }
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { return breaks(kind, posixMessage(path)) }
        }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return breaks(kind, posixMessage(path)) }
            offset += n
        }
    }

    private func makeDirectory(of path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    private func posixMessage(_ path: String) -> String { "\(path): \(String(cString: strerror(errno)))" }

    private func breaks(_ kind: String, _ error: Any) {
        guard broken.insert(kind).inserted else { return }
        logger.warning("cannot write the call's \(kind): \(error)")
        failed(kind)
    }
}
