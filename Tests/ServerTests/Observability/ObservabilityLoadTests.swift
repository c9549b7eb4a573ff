import Foundation
import Server
import SwitchboardCore
import Testing

/// Many calls at once, and long calls: each observer writes only its own call, and holds no
/// more for an hour-long call than for a minute-long one.
@Suite("Observability: many and long calls")
struct ObservabilityLoadTests {
    @Test("50 observers at once write 50 correct recordings, transcripts and traces")
    func fiftyCalls() async throws {
        let directory = observabilityDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let metrics = ServeMetrics()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                group.addTask {
                    let clock = ObservedCallClock()
                    let observer = CallObserver(call: CallIdentity(id: "CA\(index)", tenant: nil, startedAtMs: 0), recordDirectory: directory,
                                                traceDirectory: directory, metrics: metrics, logger: ObservedLogs().logger(), elapsedMs: clock.reader)
                    // Each call's caller and agent have their own µ-law code.
                    let callerCode = UInt8(0x10 + index), agentCode = UInt8(0x90 + index)
                    for second in 0..<4 {
                        feedCaller(observer, clock: clock, code: callerCode, media: stride(from: second * 1000, to: second * 1000 + 1000, by: 20))
                        await Task.yield()
                        if second == 1 {
                            clock.set(2005)
                            observer.leaving(ObservedFrames.event("response.start", ["turn": 1]))
                            observer.leaving(ObservedFrames.agentAudio(turn: 1, ms: 1000, code: agentCode))
                            observer.leaving(ObservedFrames.event("spoken", ["turn": 1, "index": 0, "text": .string("answer \(index)")]))
                        }
                    }
                    await observer.close()
                }
            }
        }
        for index in 0..<50 {
            let wav = try ObservedWAV(path: "\(directory)/CA\(index).wav")
            #expect(wav.channels == 2 && wav.left.count == 4000 * 8, "call \(index)")
            #expect(ObservedWAV.codes(wav.left, ms: 0..<4000) == [UInt8(0x10 + index)], "call \(index)")
            #expect(ObservedWAV.codes(wav.right, ms: 2000..<3000) == [UInt8(0x90 + index)], "call \(index)")
            #expect(ObservedWAV.codes(wav.right, ms: 0..<2000).union(ObservedWAV.codes(wav.right, ms: 3000..<4000)) == [0xFF], "call \(index)")
            let transcript = try observedLines("\(directory)/CA\(index).transcript.jsonl")
            #expect(transcript.count == 1 && transcript[0]["text"] as? String == "answer \(index)" && transcript[0]["ms"] as? Int == 2000)
            let trace = try observedLines("\(directory)/CA\(index).trace.jsonl")
            #expect(trace.first?["call"] as? String == "CA\(index)")
            #expect(trace.filter { $0["type"] as? String == "turn" }.count == 1)
        }
        #expect(!metrics.render().contains("switchboard_observer_dropped_total"))
    }

    @Test("a 20-minute call: the file grows as it goes, the observer holds a bounded amount")
    func longCall() async throws {
        let directory = observabilityDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let clock = ObservedCallClock()
        let observer = CallObserver(call: CallIdentity(id: "CA-long", tenant: nil, startedAtMs: 0), recordDirectory: directory,
                                    traceDirectory: directory, metrics: ServeMetrics(), logger: ObservedLogs().logger(), elapsedMs: clock.reader)
        let path = "\(directory)/CA-long.wav"
        var sizes: [Int] = []
        var mostHeld = 0
        // Twenty minutes; every 10 s the agent answers with 4 s of audio. Fed far faster than
        // real time, so after each 10 s the test lets the disk catch up (a real call is paced).
        for minute in 0..<20 {
            for tenth in 0..<6 {
                let base = minute * 60_000 + tenth * 10_000
                feedCaller(observer, clock: clock, code: 0x20, media: stride(from: base, to: base + 5000, by: 20))
                clock.set(Double(base + 5005))
                observer.leaving(ObservedFrames.event("response.start", ["turn": .int(minute * 6 + tenth + 1)]))
                for _ in 0..<200 { observer.leaving(ObservedFrames.agentAudio(turn: minute * 6 + tenth + 1, ms: 20, code: 0xA0)) }
                mostHeld = max(mostHeld, observer.heldBytes)
                feedCaller(observer, clock: clock, code: 0x20, media: stride(from: base + 5000, to: base + 10_000, by: 20))
                mostHeld = max(mostHeld, observer.heldBytes)
                while observer.pendingWriteBytes > 64 << 10 { try await Task.sleep(for: .milliseconds(1)) }
            }
            if minute % 5 == 4 {
                // Give the pool a moment, then look at the file on disk.
                try await Task.sleep(for: .milliseconds(200))
                sizes.append((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
            }
        }
        await observer.close()
        let final = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        // Twenty minutes of stereo µ-law: 19.2 MB; the file grew while the call went on.
        #expect(final >= 1200 * 16000)
        #expect(sizes.count == 4)
        #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 < $1 }, "sizes \(sizes)")
        #expect(sizes[0] >= 4 * 60 * 16000, "sizes \(sizes)")
        // Held: the queued answer (4 s, 32 KB), the reorder window, at most the write queue's
        // bound (256 KB) — never the call.
        #expect(mostHeld < 400 << 10, "held \(mostHeld) bytes")
        let wav = try ObservedWAV(path: path)
        #expect(wav.left.count == 1200 * 8000)
        #expect(ObservedWAV.codes(wav.right, ms: 5000..<9000) == [0xA0])
        #expect(ObservedWAV.codes(wav.right, ms: 1_195_000..<1_199_000) == [0xA0])
    }
}
