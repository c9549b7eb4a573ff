import Testing
@testable import Audio

/// Vectors from shared/reference/g711-mulaw.md §5 and §6.
@Suite struct MuLawTests {
    @Test(arguments: [
        (0x00, -32124), (0x01, -31100), (0x0F, -16764), (0x10, -15996), (0x5A, -556), (0x70, -120), (0x7E, -8), (0x7F, 0),
        (0x80, 32124), (0x81, 31100), (0x8F, 16764), (0x90, 15996), (0xA5, 6652), (0xDF, 396), (0xEF, 132), (0xF0, 120),
        (0xFE, 8), (0xFF, 0),
    ])
    func decodeVectors(byte: Int, value: Int) {
        #expect(MuLaw.decode(UInt8(byte)) == Int16(value))
    }

    @Test(arguments: [
        (0, 0xFF, 0), (1, 0xFF, 0), (3, 0xFF, 0), (4, 0xFE, 8), (11, 0xFE, 8), (12, 0xFD, 16), (123, 0xF0, 120),
        (124, 0xEF, 132), (140, 0xEE, 148), (396, 0xDF, 396), (-4, 0x7E, -8), (-8, 0x7E, -8), (-12, 0x7D, -16),
        (32124, 0x80, 32124), (32635, 0x80, 32124), (32767, 0x80, 32124), (100, 0xF2, 104), (-100, 0x72, -104),
        (1000, 0xCE, 988), (-1000, 0x4E, -988), (4000, 0xAF, 4092), (-4000, 0x2F, -4092), (8000, 0xA0, 7932),
        (-8000, 0x20, -7932), (12345, 0x97, 12412), (-12345, 0x17, -12412), (16000, 0x90, 15996), (-16000, 0x10, -15996),
        (31611, 0x81, 31100), (31612, 0x80, 32124), (-32124, 0x00, -32124), (-32768, 0x00, -32124),
        // §7: this algorithm, not audioop's 14-bit variant.
        (-1, 0x7F, 0), (-2, 0x7F, 0), (-3, 0x7F, 0), (-9, 0x7E, -8), (-11, 0x7E, -8), (-31609, 0x01, -31100), (-31611, 0x01, -31100),
    ])
    func encodeVectors(input: Int, byte: Int, decoded: Int) {
        #expect(MuLaw.encode(Int16(input)) == UInt8(byte))
        #expect(MuLaw.decode(MuLaw.encode(Int16(input))) == Int16(decoded))
    }

    @Test func allBytesReencodeToThemselvesExceptNegativeZero() {
        for byte in UInt8.min...UInt8.max {
            let expected: UInt8 = byte == 0x7F ? 0xFF : byte
            #expect(MuLaw.encode(MuLaw.decode(byte)) == expected, "byte \(byte)")
            #expect(MuLaw.decode(byte) == -MuLaw.decode(byte ^ 0x80), "byte \(byte)")
        }
    }

    @Test func decodeTableMatchesTheSegmentTable() {
        // (first byte, last byte, first value, step) for positive bytes, reference §5.
        let segments: [(UInt8, Int, Int)] = [
            (0xFF, 0, 8), (0xEF, 132, 16), (0xDF, 396, 32), (0xCF, 924, 64), (0xBF, 1980, 128), (0xAF, 4092, 256),
            (0x9F, 8316, 512), (0x8F, 16764, 1024),
        ]
        for (first, value, step) in segments {
            for k in 0..<16 {
                #expect(Int(MuLaw.decode(first - UInt8(k))) == value + k * step)
            }
        }
    }

    /// All 65,536 inputs: monotonic, and the quantisation error stays within half a step of
    /// the segment (at most 512 once clipping applies in segment 7).
    @Test func everyPCMValue() {
        var previous = Int.min
        for raw in Int(Int16.min)...Int(Int16.max) {
            let decoded = Int(MuLaw.decode(MuLaw.encode(Int16(raw))))
            #expect(decoded >= previous, "not monotonic at \(raw)")
            previous = decoded
            let magnitude = min(abs(raw), 32635) + 0x84
            let segment = max(0, (Int.bitWidth - magnitude.leadingZeroBitCount - 1) - 7)
            let bound = segment == 7 ? 1024 : 4 << segment
            if abs(raw - decoded) > bound { Issue.record("error \(abs(raw - decoded)) at \(raw) > \(bound)") }
        }
    }

    @Test func bulkConversionsMatchPerSample() {
        let samples: [Int16] = (0..<4000).map { Int16(truncatingIfNeeded: $0 * 37 - 70000) }
        let pcm = PCM16.bytes(samples)
        #expect(MuLaw.encodeFromPCM16(pcm) == samples.map(MuLaw.encode))
        let bytes = (0..<1000).map { UInt8($0 & 0xFF) }
        #expect(PCM16.samples(MuLaw.decodeToPCM16(bytes)) == bytes.map(MuLaw.decode))
    }

    @Test func silenceBase64() {
        #expect(MuLaw.encode([Int16](repeating: 0, count: 160)) == [UInt8](repeating: 0xFF, count: 160))
    }
}
