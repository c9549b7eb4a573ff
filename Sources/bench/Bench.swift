import ArgumentParser
import Audio
import Foundation
import SwitchboardCore

@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Switchboard micro-benchmarks (run by `make bench`; not tests).",
        subcommands: [CallsBench.self, FrameCodecBench.self, MuLawBench.self, ServeBench.self, SSEStreamsBench.self, SentenceSplitBench.self, TTSBench.self, VADBench.self])
}

/// Reader + writer throughput on one core: frames are decoded from a byte stream in 64 KiB
/// reads (as from a pipe) and each is encoded again (as to the next stage).
struct FrameCodecBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "frames", abstract: "Frame reader+writer throughput.")

    @Option(help: "Audio frames per run.") var frames = 500_000
    @Option(help: "Sample rate of the 20 ms pcm16 frames.") var rate = 16000
    @Option(help: "Runs; the fastest is reported.") var runs = 3

    func run() throws {
        let payload = [UInt8](repeating: 0x55, count: rate / 50 * 2)
        for encoding in FrameEncoding.allCases {
            let encoder = FrameEncoder(encoding: encoding)
            var input: [UInt8] = []
            for i in 0..<frames {
                encoder.encode(.audio(AudioFrame(codec: .pcm16, rate: rate, ts: i * 20, payload: payload)), into: &input)
            }
            var best = Double.infinity
            var checksum = 0
            for _ in 0..<runs {
                let start = DispatchTime.now()
                var decoder = FrameDecoder(stage: "bench")
                var output: [UInt8] = []
                output.reserveCapacity(256 * 1024)
                var count = 0
                var offset = 0
                while offset < input.count {
                    let end = min(offset + 65536, input.count)
                    decoder.append(input[offset..<end])
                    offset = end
                    while let frame = decoder.next() {
                        encoder.encode(frame, into: &output)
                        count += 1
                        // What a writer does: hand the bytes to write(2) and reuse the buffer.
                        if output.count >= 64 * 1024 {
                            checksum &+= output.count
                            output.removeAll(keepingCapacity: true)
                        }
                    }
                }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
                precondition(count == frames)
                best = min(best, seconds)
            }
            let mib = Double(input.count) / 1_048_576
            print(String(format: "frames %-6@ %8.0f frames/s per core   %7.1f MiB/s   (%d x 20 ms pcm16 @ %d Hz, %.1f MiB, best of %d)",
                encoding.rawValue, Double(frames) / best, mib / best, frames, rate, mib, runs))
            _ = checksum
        }
    }
}

/// The G.711 tables alone, for reference.
struct MuLawBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mulaw", abstract: "In-process µ-law encode/decode throughput.")

    @Option(help: "Seconds of 8 kHz audio.") var seconds = 3600

    func run() {
        let bytes = (0..<(seconds * 8000)).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 13) }
        var start = DispatchTime.now()
        let pcm = MuLaw.decodeToPCM16(bytes)
        let decode = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        start = DispatchTime.now()
        let back = MuLaw.encodeFromPCM16(pcm)
        let encode = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        precondition(back.count == bytes.count)
        print(String(format: "mulaw  decode %.0f× real time, encode %.0f× real time (%d s of 8 kHz audio, in memory)",
            Double(seconds) / decode, Double(seconds) / encode, seconds))
    }
}
