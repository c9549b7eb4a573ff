import Foundation
import Testing
@testable import SwitchboardCore

/// Decodes `bytes` fed in pieces of the given sizes (cycled), then finishes.
func decodeAll(_ bytes: [UInt8], pieces: [Int] = [Int.max], limits: FrameLimits = .standard) -> (frames: [Frame], truncated: Bool) {
    var decoder = FrameDecoder(stage: "test", limits: limits)
    var frames: [Frame] = []
    var offset = 0
    var i = 0
    while offset < bytes.count {
        let size = min(pieces[i % pieces.count], bytes.count - offset)
        decoder.append(bytes[offset..<offset + size])
        offset += size
        i += 1
        while let frame = decoder.next() { frames.append(frame) }
    }
    while let frame = decoder.finish() { frames.append(frame) }
    return (frames, decoder.sawDataError)
}

func encodeAll(_ frames: [Frame], _ encoding: FrameEncoding) -> [UInt8] {
    let encoder = FrameEncoder(encoding: encoding)
    var out: [UInt8] = []
    for frame in frames { encoder.encode(frame, into: &out) }
    return out
}

let sampleFrames: [Frame] = [
    .event(Event("start", ["v": 1, "call": "CA1", "params": ["tenant": "acme"], "codec": "pcm16", "rate": 16000])),
    .audio(AudioFrame(codec: .pcm16, rate: 16000, ts: 0, payload: (0..<640).map { UInt8($0 & 0xFF) })),
    .audio(AudioFrame(codec: .mulaw, rate: 8000, ts: 20, turn: 3, payload: [0x0A] + Array(repeating: 0xFF, count: 159),
        extra: ["x-custom": ["nested": [1, 2.5, "s"]]])),
    .event(Event("token", ["turn": 3, "text": "Hello \"there\"\n — नमस्ते 😀"])),
    .event(Event("custom.thing", ["blob": true], payload: [0, 10, 13, 0x7B, 0xFF])),
    .audio(AudioFrame(codec: .pcm16, rate: 8000, ts: 40, payload: [])),
    .event(Event("stop", ["reason": "hangup"])),
]

@Suite struct FrameCodecTests {
    @Test(arguments: FrameEncoding.allCases)
    func roundTrips(_ encoding: FrameEncoding) {
        let bytes = encodeAll(sampleFrames, encoding)
        let decoded = decodeAll(bytes)
        #expect(decoded.frames == sampleFrames)
        #expect(!decoded.truncated)
    }

    @Test func textModeIsOneJSONLinePerFrame() throws {
        let bytes = encodeAll(sampleFrames, .text)
        let lines = bytes.split(separator: 0x0A)
        #expect(lines.count == sampleFrames.count)
        for line in lines { #expect(try JSONParser.parse(Array(line)).object?["type"] != nil) }
    }

    @Test func mixedBinaryTextAndBareLines() {
        var bytes = encodeAll([sampleFrames[1]], .binary)
        bytes += encodeAll([sampleFrames[2]], .text)
        bytes += Array("Hello there.\r\n\n   \n".utf8)
        bytes += encodeAll([sampleFrames[4]], .binary)
        bytes += Array("no newline at the end".utf8)
        let frames = decodeAll(bytes).frames
        #expect(frames == [sampleFrames[1], sampleFrames[2], .event(.text("Hello there.")), sampleFrames[4],
            .event(.text("no newline at the end"))])
    }

    /// The output must not depend on how the input was cut into reads.
    @Test(arguments: [[1], [2, 3, 5], [7], [64], [639, 1], [4096]])
    func chunkingDoesNotMatter(_ pieces: [Int]) {
        let bytes = encodeAll(sampleFrames, .binary) + encodeAll(sampleFrames, .text)
        #expect(decodeAll(bytes, pieces: pieces).frames == sampleFrames + sampleFrames)
    }

    @Test func unknownKeysAndTypesPassThroughUnchanged() throws {
        let line = #"{"type":"vendor.x","z":1.50,"a":{"k":[null,"v"]},"turn":2}"# + "\n"
        let frames = decodeAll(Array(line.utf8)).frames
        #expect(String(decoding: encodeAll(frames, .text), as: UTF8.self) == line)
    }
}

@Suite struct BadInputTests {
    let good = encodeAll([sampleFrames[1]], .binary)

    /// Each bad line yields exactly one error with the offset of that line, and the good frame
    /// after it still arrives.
    @Test(arguments: [
        (#"{"type":"audio","codec":"pcm16""#, "malformed frame header"),
        (#"{"codec":"pcm16"}"#, #"no "type""#),
        (#"{"type":7}"#, #""type" must be a string"#),
        (#"{"type":"x","b64":"@@@"}"#, "bad base64"),
        (#"{"type":"x","b64":"QUJD"#, "malformed"),
        (#"{"type":"x","len":-5}"#, #"bad "len" -5"#),
        (#"{"type":"x","len":99999999999}"#, #"bad "len""#),
        (#"{"type":"x","len":"12"}"#, #"bad "len""#),
        (#"{"type":"x","len":1.5}"#, #"bad "len""#),
        (#"{"type":"x","len":0,"b64":""}"#, "both"),
        (#"{"type":"audio","codec":"opus","rate":8000}"#, "unknown codec"),
        (#"{"type":"audio","rate":8000}"#, #"no "codec""#),
        (#"{"type":"audio","codec":"pcm16"}"#, #"no "rate""#),
        (#"{"type":"audio","codec":"pcm16","rate":-8000}"#, #"bad "rate""#),
        (#"{"type":"audio","codec":"pcm16","rate":8000,"ts":"soon"}"#, #"bad "ts""#),
        (#"{"type":"audio","codec":"pcm16","rate":8000,"b64":"AAAA"}"#, "odd length"),
    ])
    func badHeaderBecomesErrorAndStreamContinues(line: String, expected: String) throws {
        let prefix = encodeAll([sampleFrames[0]], .binary)
        let bytes = prefix + Array((line + "\n").utf8) + good
        let frames = decodeAll(bytes).frames
        try #require(frames.count == 3, "\(frames)")
        #expect(frames[0] == sampleFrames[0])
        let error = try #require(frames[1].event)
        #expect(error.type == "error")
        #expect(error["stage"] == "test")
        #expect(error["offset"]?.int == prefix.count)
        #expect(error["message"]?.string?.contains(expected) == true, "\(error)")
        #expect(frames[2] == sampleFrames[1])
    }

    /// A header that is wrong in some other way but has a valid `len` still owns the payload
    /// after it: the payload is skipped, never read as lines (here it looks like a frame).
    @Test(arguments: [
        (#"{"type":"audio","codec":"opus","rate":8000,"ts":0,"len":LEN}"#, "unknown codec"),
        (#"{"type":"audio","codec":"pcm16","rate":8000,"ts":"soon","len":LEN}"#, #"bad "ts""#),
        (#"{"type":7,"len":LEN}"#, #""type" must be a string"#),
        (#"{"len":LEN}"#, #"no "type""#),
    ])
    func badHeaderWithAValidLenSkipsItsPayload(header: String, expected: String) throws {
        let payload = Array(#"{"type":"smuggled"}"#.utf8) + [0x0A] + Array("hello\n".utf8)
        let line = header.replacingOccurrences(of: "LEN", with: "\(payload.count)") + "\n"
        let frames = decodeAll(Array(line.utf8) + payload + good).frames
        try #require(frames.count == 2, "\(frames)")
        #expect(frames[0].event?["message"]?.string?.contains(expected) == true, "\(frames[0])")
        #expect(frames[0].event?["offset"]?.int == 0)
        #expect(frames[1] == sampleFrames[1])
    }

    @Test func invalidUTF8TextLine() throws {
        let bytes: [UInt8] = [0x68, 0xFF, 0xFE, 0x0A] + good
        let frames = decodeAll(bytes).frames
        #expect(frames.count == 2)
        #expect(frames[0].event?["message"]?.string?.contains("UTF-8") == true)
        #expect(frames[0].event?["offset"]?.int == 0)
        #expect(frames[1] == sampleFrames[1])
    }

    @Test(arguments: [[1 << 20], [4096], [1]])
    func oneMegabyteLineIsRejectedWithoutBufferingIt(_ pieces: [Int]) throws {
        let line = Array(#"{"type":"text","text":""#.utf8) + Array(repeating: UInt8(ascii: "a"), count: 1 << 20) + Array("\"}\n".utf8)
        let frames = decodeAll(line + good, pieces: pieces == [1] ? [997] : pieces).frames
        try #require(frames.count == 2, "\(frames.map(\.type))")
        #expect(frames[0].event?["message"]?.string?.contains("longer than 65536") == true)
        #expect(frames[0].event?["offset"]?.int == 0)
        #expect(frames[1] == sampleFrames[1])
    }

    @Test func headerAtTheLimitIsAccepted() {
        let filler = String(repeating: "b", count: 65536 - #"{"type":"x","f":""}"#.utf8.count)
        let line = #"{"type":"x","f":"\#(filler)"}"#
        #expect(line.utf8.count == 65536)
        let frames = decodeAll(Array((line + "\n").utf8)).frames
        #expect(frames.first?.type == "x")
    }

    @Test func truncatedPayloadAtEndOfInput() throws {
        var bytes = encodeAll([sampleFrames[0]], .binary)
        let offset = bytes.count
        bytes += Array(#"{"type":"audio","codec":"pcm16","rate":8000,"len":640}"#.utf8) + [0x0A] + Array(repeating: 0, count: 100)
        let result = decodeAll(bytes)
        #expect(result.truncated)
        try #require(result.frames.count == 2)
        let error = try #require(result.frames[1].event)
        #expect(error.type == "error")
        #expect(error["offset"]?.int == offset)
        #expect(error["message"]?.string?.contains("640") == true)
    }

    @Test func payloadMayContainNewlinesAndBraces() {
        let frame = Frame.event(Event("blob", payload: Array("\n{\"type\":\"evil\"}\n".utf8)))
        #expect(decodeAll(encodeAll([frame, sampleFrames[1]], .binary)).frames == [frame, sampleFrames[1]])
    }
}

/// A sound file piped where frames are expected (`switchboard dump < call.wav`).
@Suite struct SoundFileInputTests {
    @Test(arguments: [[1], [5, 7], [4096]])
    func aWAVFileIsOneClearErrorNotAStringOfUTF8Errors(_ pieces: [Int]) throws {
        let wav = try [UInt8](Data(contentsOf: URL(fileURLWithPath: #filePath + "/../../../Examples/call.wav").standardized))
        let (frames, dataError) = decodeAll(wav, pieces: pieces)
        #expect(frames.count == 1)
        #expect(frames.first?.event?["message"]?.string?.hasPrefix("the input is a WAV file, not frames") == true)
        #expect(dataError)
    }

    /// Text that merely starts like a magic number is still text.
    @Test func textStartingWithRIFFIsText() {
        let (frames, dataError) = decodeAll(Array("RIFF is a file format\n".utf8))
        #expect(frames == [.event(.text("RIFF is a file format"))])
        #expect(!dataError)
    }
}
