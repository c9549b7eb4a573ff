/// G.711 µ-law (PCMU), as in ITU-T G.711 and `shared/reference/g711-mulaw.md`.
///
/// Both directions are table lookups: 256 entries to decode, 65,536 to encode (one per 16-bit
/// sample). The encode table costs 64 KiB once and makes encoding a single load per sample.
public enum MuLaw {
    static let bias = 0x84
    static let clip = 32635

    /// Byte → sample, for every byte.
    public static let decodeTable: [Int16] = (0...255).map { decodeByFormula(UInt8($0)) }

    /// Sample (as its bit pattern) → byte, for every 16-bit sample.
    public static let encodeTable: [UInt8] = (0...0xFFFF).map { encodeByFormula(Int16(bitPattern: UInt16($0))) }

    @inline(__always)
    public static func decode(_ byte: UInt8) -> Int16 {
        decodeTable.withUnsafeBufferPointer { $0[Int(byte)] }
    }

    @inline(__always)
    public static func encode(_ sample: Int16) -> UInt8 {
        encodeTable.withUnsafeBufferPointer { $0[Int(UInt16(bitPattern: sample))] }
    }

    /// µ-law bytes → pcm16 little-endian bytes (twice as many).
    public static func decodeToPCM16(_ mulaw: [UInt8]) -> [UInt8] {
        let count = mulaw.count
        return [UInt8](unsafeUninitializedCapacity: count * 2) { out, initialized in
            decodeTable.withUnsafeBufferPointer { table in
                mulaw.withUnsafeBufferPointer { input in
                    out.withMemoryRebound(to: UInt16.self) { samples in
                        for i in 0..<count { samples[i] = UInt16(bitPattern: table[Int(input[i])]).littleEndian }
                    }
                }
            }
            initialized = count * 2
        }
    }

    /// pcm16 little-endian bytes → µ-law bytes (half as many; a trailing odd byte is ignored).
    public static func encodeFromPCM16(_ pcm: [UInt8]) -> [UInt8] {
        let count = pcm.count / 2
        return [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
            encodeTable.withUnsafeBufferPointer { table in
                pcm.withUnsafeBufferPointer { pcm in
                    for i in 0..<count {
                        let bits = UInt16(pcm[2 * i]) | UInt16(pcm[2 * i + 1]) << 8
                        out[i] = table[Int(bits)]
                    }
                }
            }
            initialized = count
        }
    }

    public static func encode(_ samples: [Int16]) -> [UInt8] {
        encodeTable.withUnsafeBufferPointer { table in samples.map { table[Int(UInt16(bitPattern: $0))] } }
    }

    public static func decode(_ bytes: [UInt8]) -> [Int16] {
        decodeTable.withUnsafeBufferPointer { table in bytes.map { table[Int($0)] } }
    }

    // MARK: - The algorithm the tables are built from

    static func encodeByFormula(_ sample: Int16) -> UInt8 {
        let sign: Int = sample < 0 ? 0x80 : 0x00
        var magnitude = min(abs(Int(sample)), clip)
        magnitude += bias
        var exponent = 7
        var mask = 0x4000
        while exponent > 0 && magnitude & mask == 0 {
            exponent -= 1
            mask >>= 1
        }
        let mantissa = (magnitude >> (exponent + 3)) & 0x0F
        return ~UInt8(sign | (exponent << 4) | mantissa)
    }

    static func decodeByFormula(_ byte: UInt8) -> Int16 {
        let u = Int(~byte)
        let exponent = (u >> 4) & 0x07
        let mantissa = u & 0x0F
        let magnitude = (((mantissa << 3) + bias) << exponent) - bias
        return Int16(u & 0x80 != 0 ? -magnitude : magnitude)
    }
}
