import SwitchboardCore

/// A `FrameSink` that encodes frames onto a file descriptor (normally stdout).
public final class FrameWriter: FrameSink {
    public let encoder: FrameEncoder
    private let output: FileDescriptorWriter

    public init(fileDescriptor: Int32 = 1, encoding: FrameEncoding = .binary) {
        self.encoder = FrameEncoder(encoding: encoding)
        self.output = FileDescriptorWriter(fileDescriptor: fileDescriptor)
    }

    /// Binary unless asked for text, or when a person is reading the output on a terminal.
    public static func defaultEncoding(fileDescriptor: Int32 = 1, textRequested: Bool) -> FrameEncoding {
        textRequested || isatty(fileDescriptor) == 1 ? .text : .binary
    }

    public func send(_ frame: Frame) async throws {
        try await output.write { encoder.encode(frame, into: &$0) }
    }

    public func finish() async throws {
        try await output.finish()
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
