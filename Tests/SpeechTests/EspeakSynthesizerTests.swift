import Audio
import Foundation
@testable import Speech
import SwitchboardCore
import Testing

/// Real espeak-ng speech through the shared synthesizer. Serialized: the timing checks compare
/// one request against the thread's other work.
@Suite(.serialized) struct EspeakSynthesizerTests {
    let synthesizer = EspeakSynthesizer.shared
    static let greeting = "Thanks for calling, how can I help you today?"
    static let formats = [SpeechFormat(codec: .mulaw, rate: 8000), SpeechFormat(codec: .pcm16, rate: 8000),
                          SpeechFormat(codec: .mulaw, rate: 16000), SpeechFormat(codec: .pcm16, rate: 16000)]

    static func samples(_ clip: SpeechClip) -> [Int16] {
        clip.format.codec == .mulaw ? MuLaw.decode(clip.audio) : PCM16.samples(clip.audio)
    }

    /// A long text: about 100 s of speech.
    static let longText = Array(repeating: "The quick brown fox jumps over the lazy dog near the river bank.", count: 30).joined(separator: " ")

    @Test(arguments: formats) func speechHasPlausibleDurationAndEnergy(format: SpeechFormat) async throws {
        let clip = try await synthesizer.synthesize(SpeechRequest(text: Self.greeting, rate: 175, format: format))
        #expect(clip.format == format)
        #expect((2000...4000).contains(clip.ms), "\(clip.ms) ms")
        let samples = Self.samples(clip)
        // Speech at espeak's default volume sits around -20 dBFS; silence would be -120.
        let level = try #require(PCM16.rmsDBFS(samples))
        #expect(level > -35, "RMS \(level) dBFS")
        // And it is not one steady tone: the loudest 100 ms is far above the quietest.
        let windows = stride(from: 0, to: samples.count - format.rate / 10, by: format.rate / 10)
            .compactMap { PCM16.rmsDBFS(Array(samples[$0..<$0 + format.rate / 10])) }
        #expect(windows.max()! - windows.min()! > 20)
    }

    @Test func fasterRateIsShorter() async throws {
        let normal = try await synthesizer.synthesize(SpeechRequest(text: Self.greeting, rate: 175))
        let fast = try await synthesizer.synthesize(SpeechRequest(text: Self.greeting, rate: 350))
        #expect(Double(fast.ms) < Double(normal.ms) * 0.7, "\(fast.ms) vs \(normal.ms)")
    }

    @Test func wordsAreInOrderWithinTheClipAndMatchTheText() async throws {
        let clip = try await synthesizer.synthesize(SpeechRequest(text: Self.greeting, format: SpeechFormat(codec: .pcm16, rate: 16000)))
        #expect(clip.words.map(\.text) == ["Thanks", "for", "calling", "how", "can", "I", "help", "you", "today"])
        let offsets = clip.words.map(\.ms)
        #expect(offsets.first == 0)
        #expect(zip(offsets, offsets.dropFirst()).allSatisfy { $0 < $1 }, "\(offsets)")
        #expect(offsets.last! < clip.ms - 200, "the last word starts \(offsets.last!) ms into a \(clip.ms) ms clip")
        // Non-ASCII text: positions count characters, not bytes.
        let accented = try await synthesizer.synthesize(SpeechRequest(text: "Café über naïve résumé, okay?"))
        #expect(accented.words.map(\.text) == ["Café", "über", "naïve", "résumé", "okay"])
    }

    @Test func firstChunkArrivesBeforeSynthesisEnds() async throws {
        let start = ContinuousClock.now
        var first: Duration?
        var chunks = 0
        var bytes = 0
        for try await chunk in try synthesizer.stream(SpeechRequest(text: Self.longText)) {
            first = first ?? ContinuousClock.now - start
            chunks += 1
            bytes += chunk.audio.count
        }
        let total = ContinuousClock.now - start
        let firstChunk = try #require(first)
        print("first chunk after \(firstChunk), whole \(bytes / 8000) s clip after \(total) (real-time factor \(total / .seconds(bytes / 8000)))")
        #expect(chunks > 10)
        // Streamed, not all at the end (a loose bound: other suites share the synthesizer and the cores).
        #expect(firstChunk * 2 < total, "first chunk \(firstChunk), end \(total)")
        #expect(bytes > 60 * 8000)
    }

    /// A stage holds engines as `any SpeechEngine`; espeak works through that seam.
    @Test func speaksThroughTheEngineProtocol() async throws {
        let engine: any SpeechEngine = synthesizer
        var audio: [UInt8] = []
        var words: [String] = []
        for try await chunk in try engine.stream(SpeechRequest(text: "Hello there.")) {
            audio += chunk.audio
            words += chunk.words.map(\.text)
        }
        #expect(words == ["Hello", "there"])
        #expect((500...2000).contains(audio.count / 8))
    }

    @Test func unknownVoiceIsAnErrorNamingIt() async throws {
        do {
            _ = try await synthesizer.synthesize(SpeechRequest(text: "Hello.", voice: "xx-nosuch"))
            Issue.record("no error")
        } catch let error as SpeechError {
            guard case .unknownVoice(let voice, let available) = error else { Issue.record("\(error)"); return }
            #expect(voice == "xx-nosuch")
            #expect(available.contains("en-us"))
            #expect(error.description.contains("\"xx-nosuch\""))
        }
        // The synthesizer still speaks, in the voice asked for.
        let clip = try await synthesizer.synthesize(SpeechRequest(text: "Hello there.", voice: "en-gb"))
        #expect(clip.ms > 500)
        #expect(try await synthesizer.voices().contains { $0.languages.contains("en-gb") })
    }

    @Test func badRequestsThrowAtOnce() {
        #expect(throws: SpeechError.emptyText) { try synthesizer.stream(SpeechRequest(text: "  \n")) }
        #expect(throws: SpeechError.badRate(20)) { try synthesizer.stream(SpeechRequest(text: "Hi", rate: 20)) }
        #expect(throws: SpeechError.badPitch(101)) { try synthesizer.stream(SpeechRequest(text: "Hi", pitch: 101)) }
        let format = SpeechFormat(codec: .pcm16, rate: 100)
        #expect(throws: SpeechError.badFormat(format)) { try synthesizer.stream(SpeechRequest(text: "Hi", format: format)) }
    }

    /// Requests from many tasks at once, with different texts, rates and formats: each gets
    /// its own words and a length close to what it gets alone. (espeak-ng is not bit-exact from
    /// one run to the next, so lengths are compared within 10 %, not bytes.)
    @Test func concurrentRequestsGetTheirOwnAudio() async throws {
        let requests = (0..<20).map { i in
            SpeechRequest(text: Array(repeating: "number \(i + 1)", count: 1 + i % 5).joined(separator: ", ") + ".",
                rate: i.isMultiple(of: 2) ? 175 : 300, pitch: 30 + i, format: Self.formats[i % 4])
        }
        var alone: [SpeechClip] = []
        for request in requests { alone.append(try await synthesizer.synthesize(request)) }
        let together = try await withThrowingTaskGroup(of: (Int, SpeechClip).self) { group in
            for (index, request) in requests.enumerated() {
                group.addTask { (index, try await EspeakSynthesizer.shared.synthesize(request)) }
            }
            var clips = [SpeechClip?](repeating: nil, count: requests.count)
            for try await (index, clip) in group { clips[index] = clip }
            return clips.compactMap { $0 }
        }
        #expect(together.count == 20)
        for (index, clip) in together.enumerated() {
            let expectedWords = Array(repeating: ["number", "\(index + 1)"], count: 1 + index % 5).flatMap { $0 }
            #expect(clip.words.map(\.text) == expectedWords, "request \(index)")
            #expect(clip.format == requests[index].format)
            #expect(abs(clip.ms - alone[index].ms) * 10 <= alone[index].ms, "request \(index): \(clip.ms) ms together, \(alone[index].ms) ms alone")
            #expect(PCM16.rmsDBFS(Self.samples(clip))! > -35, "request \(index)")
        }
        // Lengths follow the texts: 5 repetitions take longer than 1 at the same rate.
        #expect(alone[4].ms > alone[0].ms * 2)
        #expect(alone[8].ms > alone[0].ms * 2)
    }

    @Test func cancellingTheReaderStopsSynthesisAndTheSynthesizerGoesOn() async throws {
        let clock = ContinuousClock()
        let whole = try await clock.measure { _ = try await synthesizer.synthesize(SpeechRequest(text: Self.longText)) }
        let reader = Task {
            var bytes = 0
            for try await chunk in try EspeakSynthesizer.shared.stream(SpeechRequest(text: Self.longText)) {
                bytes += chunk.audio.count
                try await Task.sleep(for: .milliseconds(5))
            }
            return bytes
        }
        try await Task.sleep(for: .milliseconds(20))
        reader.cancel()
        await #expect(throws: CancellationError.self) { _ = try await reader.value }
        // The thread is free at once: a short request is not stuck behind the cancelled one.
        let next = try await clock.measure {
            let clip = try await synthesizer.synthesize(SpeechRequest(text: Self.greeting))
            #expect((2000...4000).contains(clip.ms))
        }
        #expect(next * 4 < whole, "after cancelling: \(next); the whole long text takes \(whole)")
    }

    @Test func cancellingAGroupDropsItsRunningAndQueuedRequests() async throws {
        let long = try synthesizer.stream(SpeechRequest(text: Self.longText, group: "turn-1"))
        let queued = try synthesizer.stream(SpeechRequest(text: Self.longText, group: "turn-1"))
        let other = try synthesizer.stream(SpeechRequest(text: Self.greeting, group: "turn-2"))
        var iterator = long.makeAsyncIterator()
        _ = try await iterator.next()
        synthesizer.cancel(group: "turn-1")
        await #expect(throws: SpeechError.cancelled(group: "turn-1")) { while try await iterator.next() != nil {} }
        await #expect(throws: SpeechError.cancelled(group: "turn-1")) { for try await _ in queued {} }
        var bytes = 0
        for try await chunk in other { bytes += chunk.audio.count }
        #expect((16000...32000).contains(bytes))
    }

    /// Back-pressure: a request may run `bufferSeconds` ahead of its reader. A reader that
    /// keeps reading gets everything; one that stops is failed after `stallTimeout`, and the
    /// thread goes on with the others. While the thread waits, the queue is bounded. (Small
    /// limits for these requests only: other suites share the process's synthesizer.)
    @Test func aStalledReaderIsFailedAndTheQueueIsBounded() async throws {
        var limits = EspeakSynthesizer.Configuration()
        limits.bufferSeconds = 2
        limits.stallTimeout = .milliseconds(400)
        limits.queueLimit = 2
        let text = Array(repeating: Self.greeting, count: 4).joined(separator: " ")
        var bytes = 0
        for try await chunk in try synthesizer.stream(SpeechRequest(text: text), configuration: limits) {
            bytes += chunk.audio.count
            try await Task.sleep(for: .milliseconds(2))
        }
        #expect(bytes > 8 * 8000, "a slow reader got \(bytes / 8) ms of a ~10 s text")

        let stuck = try synthesizer.stream(SpeechRequest(text: Self.longText), configuration: limits)
        var iterator = stuck.makeAsyncIterator()
        _ = try await iterator.next()
        try await Task.sleep(for: .milliseconds(50))  // the thread now waits for room
        let start = ContinuousClock.now
        var accepted: [SpeechStream] = []
        var refusal: SpeechError?
        for index in 0..<4 {
            do { accepted.append(try synthesizer.stream(SpeechRequest(text: "Number \(index)."), configuration: limits)) } catch {
                refusal = error
                break
            }
        }
        #expect(refusal == .queueFull(limit: 2))
        #expect((1...2).contains(accepted.count))
        for stream in accepted { for try await _ in stream {} }
        let waited = ContinuousClock.now - start
        #expect(waited >= .milliseconds(250) && waited < .seconds(2), "queued behind the stalled reader for \(waited)")
        var drained = 0
        await #expect(throws: SpeechError.readerStalled(seconds: 0.4)) {
            while let chunk = try await iterator.next() { drained += chunk.audio.count }
        }
        #expect(drained < 3 * 8000, "the stalled request held \(drained / 8) ms, its buffer 2 s")
    }
}
