import Stdio
import Synchronization
import SwitchboardCore

/// A `FrameSink` for a person (`llm-stream --plain`, the default on a terminal): the
/// conversation as `ConversationText` lays it out, the agent's words on stdout as they stream
/// in and errors on stderr. Stdout goes through a `FileDescriptorWriter`, as frames do, so a
/// slow reader (`| less`) holds the stage back without blocking a thread, and a closed pipe
/// ends the run as quietly as it does for frames.
public final class PlainConversationWriter: FrameSink {
    private let layout = Mutex(ConversationText())
    private let output: FileDescriptorWriter
    private let errors: FileDescriptorWriter

    public init(output: Int32 = 1, errors: Int32 = 2) {
        self.output = FileDescriptorWriter(fileDescriptor: output)
        self.errors = FileDescriptorWriter(fileDescriptor: errors)
    }

    public func send(_ frame: Frame) async throws {
        let (out, err) = layout.withLock { $0.render(frame) }
        if !out.isEmpty { try await output.write(Array(out.utf8)) }
        // An error line that cannot be shown is no reason to end the conversation.
        if !err.isEmpty { try? await errors.write(Array(err.utf8)) }
    }

    public func finish() async throws {
        let tail = layout.withLock { $0.finish() }
        try? await errors.finish()
        if !tail.isEmpty { try await output.write(Array(tail.utf8)) }
        try await output.finish()
    }
}
