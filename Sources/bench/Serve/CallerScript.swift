import Audio
import Foundation

/// What every bench caller sends, as the base64 payloads of Twilio `media` messages (20 ms of
/// 8 kHz µ-law each), encoded once and shared by all calls: the sample call cut at its longest
/// pause into two lines, each followed by silence long enough for the agent's answer to play
/// out (so the caller does not barge in), and line silence for the quiet phases.
struct CallerScript: Sendable {
    static let frameMs = 20
    static let frameBytes = 8000 * frameMs / 1000

    /// One talking cycle: line 1, the answer's time, line 2, the answer's time; repeated.
    let talking: [String]
    /// µ-law silence (0xFF), as a quiet caller's line carries.
    let silence: String
    /// How many caller lines one cycle holds (turns a caller asks for per cycle).
    let linesPerCycle: Int
    var cycleMs: Int { talking.count * Self.frameMs }

    init(speech path: String, answerMs: Int) throws {
        let reader = try SoundFileReader(path: path)
        guard reader.sampleRate == 8000 else { throw CallerScriptError("\(path): 8 kHz audio expected, not \(reader.sampleRate) Hz") }
        let samples = reader.readAll()
        let frames = stride(from: 0, to: samples.count - Self.frameBytes + 1, by: Self.frameBytes).map { Array(samples[$0..<($0 + Self.frameBytes)]) }
        let lines = Self.cutAtLongestPause(frames)
        let gap = [Int16](repeating: 0, count: Self.frameBytes)
        var cycle: [[Int16]] = []
        for line in lines { cycle += line + Array(repeating: gap, count: answerMs / Self.frameMs) }
        talking = cycle.map { Data(MuLaw.encode($0)).base64EncodedString() }
        silence = Data([UInt8](repeating: 0xFF, count: Self.frameBytes)).base64EncodedString()
        linesPerCycle = lines.count
    }

    /// Two lines, split in the middle of the longest quiet stretch between speech; one line
    /// when there is no pause.
    private static func cutAtLongestPause(_ frames: [[Int16]]) -> [[[Int16]]] {
        let loud = frames.map { frame in frame.contains { abs(Int($0)) > 1500 } }
        guard let first = loud.firstIndex(of: true), let last = loud.lastIndex(of: true) else { return [frames] }
        var best = (start: 0, length: 0)
        var run = (start: first, length: 0)
        for index in first...last {
            if loud[index] {
                run = (index + 1, 0)
            } else {
                run.length += 1
                if run.length > best.length { best = run }
            }
        }
        guard best.length > 0 else { return [frames] }
        let cut = best.start + best.length / 2
        return [Array(frames[..<cut]), Array(frames[cut...])]
    }
}

struct CallerScriptError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
