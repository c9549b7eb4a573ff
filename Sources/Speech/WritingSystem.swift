/// The writing systems espeak-ng's voices read, and which one a text is written in.
///
/// Any voice reads Latin letters; a voice reads one other script at most, its language's. An
/// English voice given Chinese says "Chinese letter" for each character, and given Arabic
/// spells the letters' names: two seconds of noise to a caller. So a text with letters in a
/// script the voice cannot read is refused, with the name of a voice that can.
public enum WritingSystem: String, Sendable, CaseIterable {
    case latin, greek, cyrillic, armenian, hebrew, arabic, devanagari, bengali, gurmukhi, gujarati, oriya, tamil, telugu,
        kannada, malayalam, sinhala, thai, georgian, hangul, kana, han, ethiopic, myanmar

    /// Unicode blocks of each script's letters (the main block and its common extensions).
    private static let blocks: [(ClosedRange<UInt32>, WritingSystem)] = [
        (0x41...0x5A, .latin), (0x61...0x7A, .latin), (0xC0...0x24F, .latin), (0x1E00...0x1EFF, .latin),
        (0x370...0x3FF, .greek), (0x400...0x52F, .cyrillic), (0x530...0x58F, .armenian), (0x590...0x5FF, .hebrew),
        (0x600...0x6FF, .arabic), (0x750...0x77F, .arabic), (0x900...0x97F, .devanagari), (0x980...0x9FF, .bengali),
        (0xA00...0xA7F, .gurmukhi), (0xA80...0xAFF, .gujarati), (0xB00...0xB7F, .oriya), (0xB80...0xBFF, .tamil),
        (0xC00...0xC7F, .telugu), (0xC80...0xCFF, .kannada), (0xD00...0xD7F, .malayalam), (0xD80...0xDFF, .sinhala),
        (0xE00...0xE7F, .thai), (0x1000...0x109F, .myanmar), (0x10A0...0x10FF, .georgian), (0x1100...0x11FF, .hangul),
        (0x1200...0x137F, .ethiopic), (0x3040...0x30FF, .kana), (0x3400...0x4DBF, .han), (0x4E00...0x9FFF, .han),
        (0xAC00...0xD7AF, .hangul),
    ]

    /// espeak-ng language codes (the voice name before `-` or `+`) by the script they read.
    private static let languages: [WritingSystem: [String]] = [
        .greek: ["el", "grc"], .cyrillic: ["ru", "uk", "bg", "mk", "sr", "be", "kk", "ky", "tt", "ba", "cv", "nog"],
        .armenian: ["hy", "hyw"], .hebrew: ["he"], .arabic: ["ar", "fa", "ur", "sd", "ug"],
        .devanagari: ["hi", "mr", "ne", "kok"], .bengali: ["bn", "as", "bpy"], .gurmukhi: ["pa"], .gujarati: ["gu"],
        .oriya: ["or"], .tamil: ["ta"], .telugu: ["te"], .kannada: ["kn"], .malayalam: ["ml"], .sinhala: ["si"],
        .thai: ["th"], .georgian: ["ka"], .hangul: ["ko"], .kana: ["ja"], .han: ["cmn", "yue", "hak", "ja"],
        .ethiopic: ["am"], .myanmar: ["my"],
    ]

    public init?(_ scalar: Unicode.Scalar) {
        guard let found = Self.blocks.first(where: { $0.0.contains(scalar.value) }) else { return nil }
        self = found.1
    }

    /// A voice of this script's first language, to suggest (`cmn` for Han).
    public var suggestedVoice: String? { Self.languages[self]?.first }

    /// True when `voice` (`en-us`, `hi`, `en-us+f3`) reads this script.
    public func isRead(by voice: String) -> Bool {
        guard self != .latin else { return true }
        let language = voice.lowercased().split(whereSeparator: { $0 == "-" || $0 == "+" }).first.map(String.init) ?? voice
        return Self.languages[self]?.contains(language) ?? false
    }

    /// The first script in `text` that `voice` cannot read, if any.
    public static func unreadable(in text: String, by voice: String) -> WritingSystem? {
        for scalar in text.unicodeScalars where scalar.value >= 0x41 {
            if let script = WritingSystem(scalar), !script.isRead(by: voice) { return script }
        }
        return nil
    }
}
