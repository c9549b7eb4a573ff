import Foundation
import Logging
import Server
import Synchronization
import SwitchboardCore
import Testing

/// A call's clock moved by hand: the observer reads it as "ms since the call started".
final class ObservedCallClock: Sendable {
    private let ms = Mutex(0.0)
    var now: Double { ms.withLock { $0 } }
    func set(_ value: Double) { ms.withLock { $0 = value } }
    var reader: @Sendable () -> Double { { self.now } }
}

/// Log lines an observer wrote, with their metadata.
final class ObservedLogs: Sendable {
    private let storage = Mutex<[(message: String, metadata: Logger.Metadata)]>([])
    var lines: [(message: String, metadata: Logger.Metadata)] { storage.withLock { $0 } }

    func logger() -> Logger {
        var logger = Logger(label: "test.observer") { _ in Handler(logs: self) }
        logger.logLevel = .info
        return logger
    }

    private struct Handler: LogHandler {
        let logs: ObservedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            logs.storage.withLock { $0.append(("\(event.message)", all)) }
        }
    }
}

/// A fresh directory under the system's temporary one, removed by the caller.
func observabilityDirectory() -> String {
    let path = NSTemporaryDirectory() + "switchboard-observer-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A WAV file read by hand (RIFF chunks), not through libsndfile, so the test checks the
/// format itself: µ-law stereo 8 kHz, channels split.
struct ObservedWAV {
    var formatTag = 0
    var channels = 0
    var rate = 0
    var left: [UInt8] = []
    var right: [UInt8] = []

    init(path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        func le(_ at: Int, _ n: Int) -> Int { (0..<n).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        #expect(String(decoding: bytes[0..<4], as: UTF8.self) == "RIFF")
        #expect(String(decoding: bytes[8..<12], as: UTF8.self) == "WAVE")
        var at = 12
        while at + 8 <= bytes.count {
            let id = String(decoding: bytes[at..<(at + 4)], as: UTF8.self)
            let size = le(at + 4, 4)
            let body = at + 8
            if id == "fmt " {
                formatTag = le(body, 2)
                channels = le(body + 2, 2)
                rate = le(body + 4, 4)
            } else if id == "data" {
                let end = min(body + size, bytes.count)
                for index in stride(from: body, to: end - 1, by: 2) {
                    left.append(bytes[index])
                    right.append(bytes[index + 1])
                }
            }
            at = body + size + (size & 1)
        }
    }

    /// Samples per ms at 8 kHz.
    static let perMs = 8

    /// The distinct µ-law codes in `samples[range]` (ms), silence (0xFF or 0x7F) read as 0xFF.
    static func codes(_ samples: [UInt8], ms range: Range<Int>) -> Set<UInt8> {
        let from = min(range.lowerBound * perMs, samples.count), to = min(range.upperBound * perMs, samples.count)
        return Set(samples[from..<to].map { $0 == 0x7F ? 0xFF : $0 })
    }
}

/// The JSON lines of a file, as dictionaries.
func observedLines(_ path: String) throws -> [[String: Any]] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return try text.split(separator: "\n").map {
        try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
}

/// Frames as the graph's end would emit them.
enum ObservedFrames {
    static func agentAudio(turn: Int, ms: Int, code: UInt8, ts: Int = 0) -> Frame {
        .audio(AudioFrame(codec: .mulaw, rate: 8000, ts: ts, turn: turn, payload: [UInt8](repeating: code, count: ms * 8)))
    }

    static func event(_ type: String, _ fields: JSONObject = [:]) -> Frame { .event(Event(type, fields)) }

    static func trace(_ name: String, stage: String, turn: Int, ms: Double) -> Frame {
        event("trace", ["stage": .string(stage), "name": .string(name), "turn": .int(turn), "ms": .double(ms), "at": .int(0)])
    }
}

/// Feeds caller packets of 20 ms, each `code` repeated, for media times `range` (ms), the
/// clock at `delay` ms past each packet's media time.
func feedCaller(_ observer: CallObserver, clock: ObservedCallClock, code: UInt8, media range: StrideTo<Int>, delay: Double = 5) {
    for mediaMs in range {
        clock.set(Double(mediaMs) + delay)
        observer.callerAudio([UInt8](repeating: code, count: 160), mediaMs: mediaMs)
    }
}
