import Foundation
import Testing
@testable import Stdio
import SwitchboardCore

/// Reader and writer over real pipes.
@Suite struct FrameIOTests {
    func makePipe() -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        precondition(pipe(&fds) == 0)
        return (fds[0], fds[1])
    }

    @Test(arguments: FrameEncoding.allCases)
    func writerToReaderThroughAPipe(_ encoding: FrameEncoding) async throws {
        let (readEnd, writeEnd) = makePipe()
        let frames = (0..<2000).map { i in
            Frame.audio(AudioFrame(codec: .pcm16, rate: 16000, ts: i * 20, payload: [UInt8](repeating: UInt8(i & 0xFF), count: 640)))
        } + [.event(Event("token", ["turn": 3, "text": "Hello \"there\"\n — नमस्ते 😀"]))]
        let writer = FrameWriter(fileDescriptor: writeEnd, encoding: encoding)
        let reading = Task {
            var received: [Frame] = []
            for await frame in FrameReader(fileDescriptor: readEnd, stage: "test") { received.append(frame) }
            return received
        }
        for frame in frames { try await writer.send(frame) }
        try await writer.finish()
        close(writeEnd)
        #expect(await reading.value == frames)
        close(readEnd)
    }

    /// A frame must reach the reader while the writer is still open: nothing waits for a
    /// buffer to fill or for `finish`.
    @Test func writerDoesNotHoldFramesBack() async throws {
        let (readEnd, writeEnd) = makePipe()
        let writer = FrameWriter(fileDescriptor: writeEnd, encoding: .binary)
        let frame = Frame.event(Event("token", ["text": "hi"]))
        try await writer.send(frame)
        var iterator = FrameReader(fileDescriptor: readEnd, stage: "test").makeAsyncIterator()
        #expect(await iterator.next() == frame)
        try await writer.finish()
        close(writeEnd)
        #expect(await iterator.next() == nil)
        close(readEnd)
    }

    @Test func readerReportsTruncation() async throws {
        let (readEnd, writeEnd) = makePipe()
        let bytes = Array(#"{"type":"x","len":10}"#.utf8) + [0x0A, 1, 2, 3]
        _ = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
        close(writeEnd)
        let reader = FrameReader(fileDescriptor: readEnd, stage: "test")
        var types: [String] = []
        for await frame in reader { types.append(frame.type) }
        #expect(types == ["error"])
        #expect(reader.status.sawDataError)
        close(readEnd)
    }

    @Test func writerReportsAClosedPipe() async throws {
        let (readEnd, writeEnd) = makePipe()
        close(readEnd)
        let writer = FrameWriter(fileDescriptor: writeEnd, encoding: .binary)
        await #expect(throws: FileDescriptorWriter.Closed.self) {
            for _ in 0..<100 { try await writer.send(.audio(AudioFrame(codec: .pcm16, rate: 16000, ts: 0, payload: (0..<640).map { UInt8($0 & 0xFF) }))) }
            try await writer.finish()
        }
        close(writeEnd)
    }
}
