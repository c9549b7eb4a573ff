import Speech
import Testing

@testable import SpeechCache

@Suite struct ClipCodecTests {
    let clip = SpeechClip(audio: (0..<1600).map { UInt8(truncatingIfNeeded: $0 * 7) }, words: [SpokenWord(text: "Thanks", ms: 0), SpokenWord(text: "for", ms: 310)],
        format: .telephone)

    @Test func roundTripsAudioWordsAndFormatExactly() throws {
        #expect(try ClipCodec.decode(ClipCodec.encode(clip)) == clip)
        let pcm = SpeechClip(audio: [0, 0, 1, 0], words: [], format: SpeechFormat(codec: .pcm16, rate: 16000))
        #expect(try ClipCodec.decode(ClipCodec.encode(pcm)) == pcm)
    }

    @Test func refusesEveryTruncationAndAnyFlippedByte() {
        let bytes = ClipCodec.encode(clip)
        for length in [0, 5, 12, 40, bytes.count / 2, bytes.count - 33, bytes.count - 1] {
            #expect(throws: ClipCodecError.self) { try ClipCodec.decode(Array(bytes.prefix(length))) }
        }
        for position in [0, 9, 20, bytes.count / 2, bytes.count - 1] {
            var garbled = bytes
            garbled[position] ^= 0x40
            #expect(throws: ClipCodecError.self) { try ClipCodec.decode(garbled) }
        }
        #expect(throws: ClipCodecError.notAClip) { try ClipCodec.decode(Array("RIFF....WAVEfmt plus enough bytes to pass the length check".utf8)) }
    }

    @Test func keysIgnoreSpacingAndCompositionButNotVoiceOrFormat() {
        let voice = "espeak voice=en-us rate=175 pitch=50"
        let key = ClipKey(text: "Hello there", voice: voice, format: .telephone)
        #expect(ClipKey(text: "  Hello \n there\t", voice: voice, format: .telephone) == key)
        #expect(ClipKey(text: "Caf\u{E9}", voice: voice, format: .telephone) == ClipKey(text: "Cafe\u{301}", voice: voice, format: .telephone))
        #expect(ClipKey(text: "Hello there", voice: "espeak voice=en-gb rate=175 pitch=50", format: .telephone) != key)
        #expect(ClipKey(text: "Hello there", voice: voice, format: SpeechFormat(codec: .pcm16, rate: 8000)) != key)
        #expect(ClipKey(text: "Hello there", voice: voice, format: SpeechFormat(codec: .mulaw, rate: 16000)) != key)
        #expect(ClipKey(text: "Hello there!", voice: voice, format: .telephone) != key)
        #expect(key.hex.count == 64 && ClipKey(hex: key.hex) == key)
        #expect(ClipKey(hex: "xyz") == nil)
    }
}
