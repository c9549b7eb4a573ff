import Foundation
import Testing
@testable import Audio

@Suite final class SoundFileTests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "switchboard-audio-tests-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// µ-law values written to a µ-law WAV come back exactly; 16-bit FLAC is lossless.
    @Test(arguments: ["wav", "au", "flac", "ulaw", "aiff", "caf"])
    func roundTrip(_ ext: String) throws {
        let path = "\(directory)/round.\(ext)"
        let samples = MuLaw.decode(sine(hz: 700, rate: 8000, seconds: 0.3).map(MuLaw.encode))
        let writer = try SoundFileWriter(path: path, sampleRate: 8000)
        try writer.write(samples)
        writer.close()
        let reader = try SoundFileReader(path: path)
        #expect(reader.sampleRate == 8000)
        #expect(reader.channels == 1)
        var read: [Int16] = []
        while true {
            let piece = reader.read(333)
            if piece.isEmpty { break }
            read += piece
        }
        #expect(read == samples)
    }

    /// Channels are averaged: a stereo file of known samples, wrapped in WAV by sox, reads
    /// back as (left + right) / 2.
    @Test func stereoIsMixedToMono() throws {
        let left = sine(hz: 300, rate: 44100, seconds: 0.1)
        let right = sine(hz: 1100, rate: 44100, seconds: 0.1, amplitude: 0.3)
        var interleaved: [Int16] = []
        for (l, r) in zip(left, right) { interleaved += [l, r] }
        let raw = "\(directory)/stereo.raw"
        let wav = "\(directory)/stereo.wav"
        try Data(PCM16.bytes(interleaved)).write(to: URL(fileURLWithPath: raw))
        let status = run("/usr/bin/sox", ["-t", "s16", "-r", "44100", "-c", "2", raw, wav])
        try #require(status == 0, "sox is needed for this test (make deps)")
        let reader = try SoundFileReader(path: wav)
        #expect(reader.channels == 2)
        #expect(reader.sampleRate == 44100)
        #expect(reader.frameCount == left.count)
        #expect(reader.read(left.count) == zip(left, right).map { Int16((Int($0) + Int($1)) / 2) })
    }

    @Test func badPathsNameTheFile() {
        #expect(throws: SoundFileError.self) { try SoundFileReader(path: "\(directory)/missing.wav") }
        #expect(throws: SoundFileError.self) { try SoundFileWriter(path: "\(directory)/x.unknownext", sampleRate: 8000) }
        do {
            _ = try SoundFileReader(path: "/nonexistent/call.wav")
        } catch {
            #expect("\(error)".contains("/nonexistent/call.wav"))
        }
    }

    func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

@Suite struct AudioChunkerTests {
    @Test func cutsIntoFixedFramesWithTimestamps() {
        var chunker = AudioChunker(rate: 8000, bytesPerSample: 1, frameMs: 20)
        var frames = chunker.push([UInt8](repeating: 1, count: 100))
        #expect(frames.isEmpty)
        frames = chunker.push([UInt8](repeating: 2, count: 400))
        #expect(frames.map(\.ts) == [0, 20, 40])
        #expect(frames.allSatisfy { $0.payload.count == 160 })
        #expect(frames[0].payload.prefix(100).allSatisfy { $0 == 1 })
        let rest = chunker.flush()
        #expect(rest?.ts == 60)
        #expect(rest?.payload.count == 20)
        #expect(chunker.flush() == nil)
        #expect(chunker.push([UInt8](repeating: 0, count: 160)).map(\.ts) == [62])
    }

    @Test func pcm16KeepsWholeSamples() {
        var chunker = AudioChunker(rate: 16000, bytesPerSample: 2, frameMs: 20)
        #expect(chunker.push([UInt8](repeating: 0, count: 641)).map(\.payload.count) == [640])
        #expect(chunker.flush() == nil)  // a lone byte is not a sample
    }
}

extension Optional where Wrapped == (ts: Int, payload: [UInt8]) {
    static func == (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): true
        case let (l?, r?): l.ts == r.ts && l.payload == r.payload
        default: false
        }
    }
}
