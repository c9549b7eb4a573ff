/// Reading Unicode scalars straight out of a UTF-8 byte buffer.
///
/// The splitter scans raw bytes so that the common case (ASCII letters between sentence ends)
/// costs one table lookup per byte; these helpers decode a scalar only where a decision needs one.
/// The buffer only ever holds whole `String`s appended one after another, so it is valid UTF-8.
enum UTF8Text {
    /// The scalar starting at `i` and its length in bytes.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        var value = b0 & (0xFF >> (length + 1))
        for k in 1..<length where i + k < bytes.count {
            value = value << 6 | UInt32(bytes[i + k] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Where the scalar that ends just before `i` starts.
    @inline(__always)
    static func scalarStart(_ bytes: UnsafeBufferPointer<UInt8>, before i: Int) -> Int {
        var j = i - 1
        while j > 0, bytes[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}") : c.properties.isWhitespace
    }

    static func isLowercaseLetter(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value >= 0x61 && c.value <= 0x7A) : c.properties.isLowercase
    }

    static func isUppercaseLetter(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value >= 0x41 && c.value <= 0x5A) : c.properties.isUppercase
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value | 0x20 >= 0x61 && c.value | 0x20 <= 0x7A) : c.properties.isAlphabetic
    }

    /// A decimal digit of any script (ASCII, Devanagari ०–९, …).
    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value >= 0x30 && c.value <= 0x39) : c.properties.generalCategory == .decimalNumber
    }

    /// The number of user-perceived characters (grapheme clusters) in `bytes`.
    static func characterCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if !bytes.contains(where: { $0 >= 0x80 }) { return bytes.count }
        return String(decoding: bytes, as: UTF8.self).count
    }

    /// The byte offset just after the first `characters` characters of `bytes`, or nil when it
    /// has no more than that.
    static func offset(afterCharacters characters: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if !bytes.contains(where: { $0 >= 0x80 }) { return characters < bytes.count ? characters : nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let index = text.index(text.startIndex, offsetBy: characters, limitedBy: text.endIndex),
              index < text.endIndex else { return nil }
        return text.utf8.distance(from: text.utf8.startIndex, to: index)
    }
}
