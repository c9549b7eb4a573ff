import Foundation
import Testing

/// The exit statuses every tool shares (DESIGN §2) that no other test reaches.
@Suite(.serialized) struct ExitStatusTests {
    /// 70: the tool failed for a reason of its own; here stdout refuses every byte (disk full),
    /// which is not the reader going away (`| head`, a quiet 0).
    @Test func anOutputThatCannotBeWrittenExits70() async throws {
        let result = try await Tools.sh("mulaw-decode -i Examples/call.wav > /dev/full")
        #expect(result.status == 70, "\(result.stderr)")
        #expect(result.stderr.contains("No space left"), "\(result.stderr)")
    }

    /// 73: the output file cannot be created.
    @Test func anOutputFileThatCannotBeCreatedExits73() async throws {
        let result = try await Tools.sh("mulaw-encode -o /nonexistent/folder/out.wav < /dev/null")
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("/nonexistent/folder/out.wav"), "\(result.stderr)")
    }
}
