import ArgumentParser
import Foundation
import Stdio
import SwitchboardCore

/// `--plain`, `--frames` and `--text`: whether a tool that holds a conversation (`llm-stream`)
/// shows it to a person or writes frames, and how. On a terminal a person is reading, so plain
/// text is the default there (as text-mode frames are for the other tools); a pipe gets frames.
public struct ConversationOutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Show the conversation as plain text: the agent's answers as they stream, one paragraph each; errors on stderr (the default when stdout is a terminal).")
    public var plain = false

    @Flag(name: .long, help: "Write frames, also when stdout is a terminal (as text there).")
    public var frames = false

    @Flag(name: .long, help: "Write frames as text, payloads inline in base64 (implies --frames).")
    public var text = false

    public init() {}

    public func validate() throws {
        guard !(plain && (frames || text)) else {
            throw ValidationError("--plain shows the conversation as text for a person, --frames and --text write frames: give one of them")
        }
    }

    /// Plain text when asked for, or on a terminal unless frames were asked for.
    public func isPlain(fileDescriptor: Int32 = 1) -> Bool {
        plain || (!frames && !text && isatty(fileDescriptor) == 1)
    }

    /// How frames are written when they are: text on a terminal or with `--text`.
    public var encoding: FrameEncoding { FrameWriter.defaultEncoding(textRequested: text) }
}
