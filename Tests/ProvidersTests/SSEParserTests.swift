import Resilience
import Testing
@testable import Providers

@Suite struct SSEParserTests {
    static let stream = ": keep-alive comment\r\n"
        + "data: {\"a\":1}\r\n\r\n"
        + "event: delta\ndata: line one\ndata:line two\ndata:  two spaces\nid: 7\nretry: 1500\n\n"
        + "data: crlf then cr\r\r"
        + "unknown: ignored\ndata\n\n"
        + "event: nodata\n\n"
        + "data: नमस्ते 😀\n\n"
        + "data: [DONE]\n\n"

    static let expected = [
        SSEEvent(data: "{\"a\":1}"),
        SSEEvent(event: "delta", data: "line one\nline two\n two spaces", id: "7", retry: 1500),
        SSEEvent(data: "crlf then cr", id: "7"),
        SSEEvent(data: "", id: "7"),
        SSEEvent(data: "नमस्ते 😀", id: "7"),
        SSEEvent(data: "[DONE]", id: "7"),
    ]

    func parse(_ pieces: [[UInt8]]) -> [SSEEvent] {
        var parser = SSEParser()
        var events: [SSEEvent] = []
        for piece in pieces { events += parser.feed(piece) }
        return events + parser.finish()
    }

    @Test func wholeStream() {
        #expect(parse([Array(Self.stream.utf8)]) == Self.expected)
        #expect(Self.expected.last?.isDone == true)
    }

    /// Every split point, including inside "data:", between \r and \n, and inside a
    /// multi-byte character, gives the same events.
    @Test func everySplitInTwo() {
        let bytes = Array(Self.stream.utf8)
        for cut in 0...bytes.count {
            let events = parse([Array(bytes[..<cut]), Array(bytes[cut...])])
            if events != Self.expected { Issue.record("differs when cut at byte \(cut): \(events)") }
        }
    }

    @Test func byteByByteAndRandomChunks() {
        let bytes = Array(Self.stream.utf8)
        #expect(parse(bytes.map { [$0] }) == Self.expected)
        var generator = SplitMix(seed: 42)
        for _ in 0..<200 {
            var pieces: [[UInt8]] = []
            var offset = 0
            while offset < bytes.count {
                let size = Int(generator.next() % 9) + 1
                pieces.append(Array(bytes[offset..<min(offset + size, bytes.count)]))
                offset += size
            }
            #expect(parse(pieces) == Self.expected)
        }
    }

    @Test func unterminatedLastEventIsNotDispatched() {
        #expect(parse([Array("data: complete\n\ndata: cut off".utf8)]) == [SSEEvent(data: "complete")])
    }
}

