import Foundation
import Stdio
import SwitchboardCore

/// Where `--normalize-only` writes: the text of each `text` event on a line of its own, nothing
/// else (an `error` event goes to stderr, as the stage's diagnostics do).
final class TextLineWriter: FrameSink {
    private let writer = FileDescriptorWriter(fileDescriptor: 1)

    func send(_ frame: Frame) async throws {
        guard let event = frame.event else { return }
        if event.type == "text", let text = event["text"]?.string {
            try await writer.write(Array((text + "\n").utf8))
        } else if event.type == "error", let message = event["message"]?.string {
            FileHandle.standardError.write(Data("tts-cache: \(message)\n".utf8))
        }
    }

    func finish() async throws { try await writer.finish() }
}
