/// A text split once for reading: its characters, and for each the cheap facts the hot loops
/// ask about: its first scalar, its byte when it is one ASCII scalar, and where it starts.
///
/// Splitting a string into characters is the dearest step of reading it; asking a `Character`
/// whether it is "." or a digit is the next dearest. So it is split once, and the questions
/// go to the byte or the scalar, and to the character only when those cannot answer.
final class ScannedText {
    let chars: [Character]
    let leads: [Unicode.Scalar]
    /// The ASCII byte of a character made of one ASCII scalar, 0 for any other.
    let bytes: [UInt8]
    /// Where each character starts in the string, and last its end.
    let offsets: [String.Index]

    init(_ text: String) {
        var chars: [Character] = []
        var leads: [Unicode.Scalar] = []
        var bytes: [UInt8] = []
        var offsets: [String.Index] = []
        let capacity = text.utf8.count
        chars.reserveCapacity(capacity)
        leads.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity)
        offsets.reserveCapacity(capacity + 1)
        // One pass over the characters; their starts by UTF-8 offset, which costs nothing to step.
        let utf8 = text.utf8
        var index = utf8.startIndex
        for character in text {
            let lead = character.unicodeScalars.first!
            let width = character.utf8.count
            chars.append(character)
            leads.append(lead)
            bytes.append(width == 1 ? UInt8(lead.value) : 0)
            offsets.append(index)
            index = utf8.index(index, offsetBy: width)
        }
        offsets.append(text.endIndex)
        self.chars = chars
        self.leads = leads
        self.bytes = bytes
        self.offsets = offsets
    }

    var count: Int { chars.count }

    /// Part of a word (see `Unicode.Scalar.isWordScalar`).
    func isWord(_ index: Int) -> Bool { leads[index].isWordScalar }

    /// The value of a decimal digit of any script.
    func digit(_ index: Int) -> Int? {
        let byte = bytes[index]
        if byte != 0 { return byte >= 48 && byte <= 57 ? Int(byte - 48) : nil }
        return leads[index].isASCII ? nil : chars[index].decimalDigit
    }
}

extension Character {
    /// The value of a decimal digit of any script (`7`, `७`); nil for other numerals (`²`, `½`).
    var decimalDigit: Int? {
        // ASCII first: this is asked of nearly every character read.
        if let ascii = asciiValue { return ascii >= 48 && ascii <= 57 ? Int(ascii - 48) : nil }
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1, scalar.isDecimalDigit else { return nil }
        return wholeNumberValue
    }

    var isDevanagariDigit: Bool { unicodeScalars.first.map { (0x966...0x96F).contains($0.value) } ?? false }

    /// A Devanagari letter or sign (a syllable is one `Character`, led by its consonant).
    var isDevanagari: Bool { unicodeScalars.first.map { (0x900...0x97F).contains($0.value) } ?? false }

    /// Part of a word: letters and digits of any script, and the marks that ride on them.
    var isWordCharacter: Bool {
        if let ascii = asciiValue {
            let lower = ascii | 0x20
            return (ascii >= 48 && ascii <= 57) || (lower >= 97 && lower <= 122)
        }
        return unicodeScalars.first!.isWordScalar
    }
}

extension Unicode.Scalar {
    // The ASCII answers are kept apart from the table look-ups: a function that may ask for a
    // `GeneralCategory` sets up the resilient enum's storage on entry, whatever the path, which
    // made the common case fifty times dearer.

    /// A decimal digit of any script.
    var isDecimalDigit: Bool {
        if value < 0x80 { return value &- 0x30 < 10 }
        if isDevanagari { return value &- 0x966 < 10 }
        return value >= 0x660 && isOtherDecimalDigit
    }

    /// Begins a word character: a letter, a digit, or a mark riding on one.
    var isWordScalar: Bool {
        if value < 0x80 { return value &- 0x30 < 10 || (value | 0x20) &- 0x61 < 26 }
        // Devanagari is letters, signs and digits, but for the dandas and the abbreviation sign.
        if isDevanagari { return value != 0x964 && value != 0x965 && value != 0x970 }
        return isOtherWordScalar
    }

    var isDevanagari: Bool { value &- 0x900 < 0x80 }

    @inline(never) private var isOtherDecimalDigit: Bool { properties.numericType == .decimal }

    @inline(never) private var isOtherWordScalar: Bool {
        if properties.isAlphabetic || properties.numericType != nil { return true }
        let category = properties.generalCategory
        return category == .nonspacingMark || category == .spacingMark
    }
}
