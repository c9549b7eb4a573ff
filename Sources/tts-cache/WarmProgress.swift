import Foundation
import Synchronization
import SwitchboardCore

/// Where `warm` sends the stage's output: audio is dropped, `spoken` and `error` events are
/// counted, and on a terminal a progress line on stderr is redrawn as each phrase is done.
final class WarmProgress: FrameSink {
    let total: Int
    private let counts = Mutex((cached: 0, made: 0, failed: 0))
    private let onTerminal = isatty(2) == 1

    init(total: Int) { self.total = total }

    var failed: Int { counts.withLock { $0.failed } }

    func send(_ frame: Frame) async throws {
        guard let event = frame.event else { return }
        switch event.type {
        case "spoken":
            counts.withLock { event["cache"]?.string == "hit" ? ($0.cached += 1) : ($0.made += 1) }
        case "error":
            counts.withLock { $0.failed += 1 }
            FileHandle.standardError.write(Data("\(onTerminal ? "\r\u{1B}[K" : "")tts-cache warm: \(event["message"]?.string ?? "error")\n".utf8))
        default: return
        }
        if onTerminal { draw() }
    }

    func finish() async throws {}

    private func draw() {
        let (cached, made, failed) = counts.withLock { $0 }
        let done = cached + made + failed
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
    }

    /// The closing line, on a terminal only (silent on success otherwise; failures have
    /// been reported one by one and set the exit status).
    func report() {
        guard onTerminal else { return }
        let (cached, made, failed) = counts.withLock { $0 }
        let line = "\(onTerminal ? "\r\u{1B}[K" : "")tts-cache warm: \(total) phrases: \(cached) already cached, \(made) synthesized, \(failed) failed\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
