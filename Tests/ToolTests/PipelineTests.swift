import Audio
import Foundation
import SwitchboardCore
import Testing

/// The executables end to end, through real pipes.
@Suite(.serialized) struct PipelineTests {
    let call = "Examples/call.wav"

    @Test func decodeDumpShowsTheWholeCall() async throws {
        let result = try await Tools.sh("mulaw-decode -i \(call) | switchboard dump")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.json
        #expect(lines.first?["type"] as? String == "start")
        #expect(lines.first?["rate"] as? Int == 16000)
        #expect(lines.last?["type"] as? String == "stop")
        let audio = lines.filter { $0["type"] as? String == "audio" }
        let ms = audio.compactMap { $0["ms"] as? Double }.reduce(0, +)
        let reader = try SoundFileReader(path: "\(Tools.repository)/\(call)")
        #expect(abs(ms - Double(reader.frameCount) / 8) < 1, "decoded \(ms) ms")
        #expect(audio.contains { ($0["rms_dbfs"] as? Double ?? -120) > -30 }, "the caller's speech is audible")
    }

    /// WAV → frames → Twilio messages: the µ-law bytes Twilio would get are the file's own.
    @Test func wavToTwilioKeepsTheBytes() async throws {
        let result = try await Tools.sh("mulaw-decode -i \(call) --rate 8000 | mulaw-encode --format twilio --stream-sid MZtest")
        #expect(result.status == 0, "\(result.stderr)")
        let messages = result.json
        #expect(messages.allSatisfy { $0["event"] as? String == "media" && $0["streamSid"] as? String == "MZtest" })
        let payload = messages.flatMap { message -> [UInt8] in
            let media = message["media"] as? [String: Any]
            return Array(Data(base64Encoded: media?["payload"] as? String ?? "") ?? Data())
        }
        let reader = try SoundFileReader(path: "\(Tools.repository)/\(call)")
        let original = reader.read(reader.frameCount)
        #expect(payload == original.map(MuLaw.encode))
        #expect(messages.dropLast().allSatisfy { (Data(base64Encoded: ($0["media"] as! [String: Any])["payload"] as! String)?.count) == 160 })
    }

    /// Twilio messages (auto-detected) → pcm16 16 kHz → µ-law WAV: the round trip through the
    /// resamplers keeps the speech (SNR against the original above 40 dB).
    @Test func twilioToWavRoundTrip() async throws {
        let out = "\(Tools.scratch)/roundtrip.wav"
        let result = try await Tools.sh(
            "mulaw-decode -i \(call) --rate 8000 | mulaw-encode --format twilio --stream-sid MZ1 | mulaw-decode | mulaw-encode -o \(out)")
        #expect(result.status == 0, "\(result.stderr)")
        let original = try SoundFileReader(path: "\(Tools.repository)/\(call)")
        let decoded = try SoundFileReader(path: out)
        #expect(decoded.sampleRate == 8000)
        let a = original.read(original.frameCount)
        let b = decoded.read(decoded.frameCount)
        #expect(abs(a.count - b.count) <= 8)
        let snr = snrAligned(b, a)
        #expect(snr > 40, "SNR \(snr) dB")
    }

    @Test func rawInRawOut() async throws {
        let bytes = Data((0..<8000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        let result = try await Tools.sh("mulaw-decode --format raw --rate 8000 | mulaw-encode --format raw", stdin: bytes)
        #expect(result.status == 0, "\(result.stderr)")
        let expected = bytes.map { MuLaw.encode(MuLaw.decode($0)) }
        #expect(Array(result.stdout) == expected)
    }

    @Test func twilioInputWithMarksAndDTMF() async throws {
        let input = """
            {"event":"connected","protocol":"Call","version":"1.0.0"}
            {"event":"start","sequenceNumber":"1","start":{"accountSid":"AC1","streamSid":"MZ9","callSid":"CA9","tracks":["inbound"],"mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1},"customParameters":{"tenant":"acme"}},"streamSid":"MZ9"}
            {"event":"media","sequenceNumber":"2","media":{"track":"inbound","chunk":"1","timestamp":"0","payload":"\(String(repeating: "/", count: 213))w=="},"streamSid":"MZ9"}
            {"event":"dtmf","streamSid":"MZ9","sequenceNumber":"3","dtmf":{"track":"inbound_track","digit":"7"}}
            {"event":"mark","sequenceNumber":"4","streamSid":"MZ9","mark":{"name":"t1.s0"}}
            {"event":"media","sequenceNumber":"5","media":{"track":"inbound","chunk":"2","timestamp":"not-a-number","payload":""},"streamSid":"MZ9"}
            {"event":"stop","sequenceNumber":"6","stop":{"accountSid":"AC1","callSid":"CA9"},"streamSid":"MZ9"}

            """
        let result = try await Tools.sh("mulaw-decode | switchboard dump", stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let types = result.json.compactMap { $0["type"] as? String }
        #expect(types.first == "start")
        #expect(types.contains("dtmf") && types.contains("mark") && types.contains("error"))
        #expect(types.last == "stop")
        let start = result.json[0]
        #expect(start["stream"] as? String == "MZ9")
        #expect(start["tenant"] as? String == "acme")
    }

    /// Marks and clears reach Twilio in the right place.
    @Test func spokenAndInterruptBecomeMarkAndClear() async throws {
        let audio = String(repeating: "A", count: 427) + "="  // 320 bytes of pcm16 = 20 ms at 8 kHz
        let input = """
            {"type":"start","stream":"MZ5"}
            {"type":"audio","codec":"pcm16","rate":8000,"ts":0,"turn":1,"b64":"\(audio)"}
            {"type":"spoken","turn":1,"index":0,"text":"Hi.","ms":20,"cache":"miss"}
            {"type":"interrupt","turn":1,"ts":40}

            """
        let result = try await Tools.sh("mulaw-encode --format twilio", stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.json.map { $0["event"] as? String } == ["media", "mark", "clear"])
        #expect((result.json[1]["mark"] as? [String: Any])?["name"] as? String == "t1.s0")
        #expect(result.json.allSatisfy { $0["streamSid"] as? String == "MZ5" })
    }

    @Test func badInputBecomesErrorEventsAndTruncationExits65() async throws {
        let lines: [Data] = [
            Data("{\"type\":\"audio\",\"codec\":\"pcm16\"\n".utf8), Data("hello\n".utf8),
            Data("{\"type\":\"a\",\"b64\":\"!!\"}\n".utf8), Data([0xFF, 0xFE, 0x0A]), Data("{\"type\":\"x\",\"len\":100}\nabc".utf8),
        ]
        let input = lines.reduce(Data(), +)
        let offsets = [0, 2, 3, 4].map { lines[0..<$0].map(\.count).reduce(0, +) }
        let result = try await Tools.sh("switchboard dump", stdin: input)
        #expect(result.status == 65)
        let types = result.json.compactMap { $0["type"] as? String }
        #expect(types == ["error", "text", "error", "error", "error"])
        #expect(result.json.compactMap { $0["offset"] as? Int } == offsets)
    }

    /// Outputs that cannot carry events still do not lose errors: they go to stderr.
    @Test func errorsReachStderrWhenTheOutputCannotCarryThem() async throws {
        let input = Data("{\"type\":\"x\",\"b64\":\"!!\"}\n{\"type\":\"x\",\"len\":9}\nab".utf8)
        for format in ["twilio", "raw"] {
            let result = try await Tools.sh("mulaw-encode --format \(format)", stdin: input)
            #expect(result.status == 65)
            #expect(result.stderr.contains("bad base64"), "\(format): \(result.stderr)")
            #expect(result.stderr.contains("truncated payload"), "\(format): \(result.stderr)")
        }
    }

    /// Twilio's echoed marks must not be sent back to Twilio (they would echo for ever);
    /// `start` says what follows it.
    @Test func encoderEndsEchoedMarksAndDescribesItsOutput() async throws {
        let input = #"{"type":"start","stream":"MZ1","codec":"pcm16","rate":16000}"# + "\n" + #"{"type":"mark","name":"t1.s0"}"# + "\n"
        let twilio = try await Tools.sh("mulaw-encode --format twilio", stdin: Data(input.utf8))
        #expect(twilio.status == 0)
        #expect(twilio.text.isEmpty, "\(twilio.text)")
        let frames = try await Tools.sh("mulaw-encode --text", stdin: Data(input.utf8))
        #expect(frames.json.count == 1)
        #expect(frames.json.first?["codec"] as? String == "mulaw")
        #expect(frames.json.first?["rate"] as? Int == 8000)
    }

    /// Raw µ-law that happens to start with 0x7B ("{") is still raw.
    @Test func autoDetectionDoesNotMistakeRawForFrames() async throws {
        let bytes = Data([0x7B] + [UInt8](repeating: 0xFF, count: 159) + [0x0A] + [UInt8](repeating: 0x7E, count: 159))
        let result = try await Tools.sh("mulaw-decode --rate 8000 | switchboard dump", stdin: bytes)
        #expect(result.status == 0)
        #expect(result.json.compactMap { $0["type"] as? String } == ["start", "audio", "audio", "stop"])
    }

    @Test func everyToolPassesUnknownFramesThrough() async throws {
        let input = #"{"type":"vendor.custom","k":{"z":1.50,"a":[true]}}"# + "\n"
        let tools = [
            "mulaw-decode --format frames --text", "vad --text", "llm-stream --script Examples/receptionist.yaml --text",
            "sentence-split --text", "mulaw-encode --text",
        ]
        for tool in tools {
            let result = try await Tools.sh(tool, stdin: Data(input.utf8))
            #expect(result.status == 0, "\(tool): \(result.stderr)")
            #expect(result.text == input, "\(tool)")
        }
    }

    @Test func textModeWhenAsked() async throws {
        let result = try await Tools.sh("mulaw-decode -i \(call) --text | head -3")
        #expect(result.status == 0)
        #expect(result.json.count == 3)
        #expect(result.json[1]["b64"] is String)
    }

    /// `| head` closing the pipe is a normal end, not a crash.
    @Test func closedPipeIsAQuietEnd() async throws {
        let result = try await Tools.sh("mulaw-decode -i \(call) | switchboard dump | head -1")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("crash"))
        #expect(result.lines.count == 1)
    }

    /// Subcommands that print text end quietly too (they used to die of SIGPIPE, status 141).
    @Test(arguments: [
        "vad features Examples/call.wav | head -1",
        "llm-stream grammar --script Examples/receptionist.yaml | head -1",
    ])
    func textSubcommandsEndQuietlyWhenThePipeCloses(command: String) async throws {
        let result = try await Tools.sh(command)
        #expect(result.status == 0, "\(command): \(result.stderr)")
        #expect(result.lines.count == 1)
    }

    /// Live pacing: the output must not come faster than real time. (Only a lower bound is
    /// checked; how much slower a busy machine is does not matter.)
    @Test func realtimeAndPaceDoNotRunAhead() async throws {
        let clip = "\(Tools.scratch)/one-second.wav"
        #expect(try await Tools.sh("sox -n -r 8000 -e u-law \(clip) synth 1 sine 440").status == 0)
        var start = Date()
        let realtime = try await Tools.sh("mulaw-decode -i \(clip) --realtime | switchboard dump")
        #expect(realtime.status == 0)
        #expect(Date().timeIntervalSince(start) > 0.9)

        let frames = try await Tools.sh("mulaw-decode -i \(clip) --rate 8000").stdout
        start = Date()
        let paced = try await Tools.sh("mulaw-encode --pace --lead-ms 100 --format raw", stdin: frames)
        #expect(paced.status == 0)
        #expect(paced.stdout.count == 8000)
        #expect(Date().timeIntervalSince(start) > 0.8)
    }

    @Test func usageErrorsExit64AndNameTheProblem() async throws {
        let badRate = try await Tools.sh("mulaw-decode --rate 12 < /dev/null")
        #expect(badRate.status == 64)
        #expect(badRate.stderr.contains("--rate"))
        let badFormat = try await Tools.sh("mulaw-encode --format mp3 < /dev/null")
        #expect(badFormat.status == 64)
        #expect(try await Tools.sh("mulaw-decode --help").status == 0)
        #expect(try await Tools.sh("switchboard dump --help").status == 0)
    }

    @Test func missingInputFileExits66() async throws {
        let result = try await Tools.sh("mulaw-decode -i /nonexistent/call.wav")
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/call.wav"))
    }

    @Test func soundFileOnStdinIsRefusedWithAHint() async throws {
        let result = try await Tools.sh("mulaw-decode < \(call)")
        #expect(result.status == 64)
        #expect(result.stderr.contains("-i"))
    }

    /// Another language speaks the protocol: the Python example halves the level (−6 dB).
    @Test func pythonStageInThePipeline() async throws {
        let plain = try await Tools.sh("mulaw-decode -i \(call) | switchboard dump")
        let halved = try await Tools.sh("mulaw-decode -i \(call) | python3 Examples/gain.py 0.5 | switchboard dump")
        #expect(halved.status == 0, "\(halved.stderr)")
        #expect(halved.json.count == plain.json.count)
        var compared = 0
        for (a, b) in zip(plain.json, halved.json) where a["type"] as? String == "audio" {
            guard let la = a["rms_dbfs"] as? Double, let lb = b["rms_dbfs"] as? Double, la > -40 else { continue }
            #expect(abs((la - lb) - 6.02) < 0.3)
            compared += 1
        }
        #expect(compared > 50)
        #expect(plain.json.filter { $0["type"] as? String != "audio" }.count == halved.json.filter { $0["type"] as? String != "audio" }.count)
    }
}

/// SNR of `signal` against `reference` at the best small alignment.
func snrAligned(_ signal: [Int16], _ reference: [Int16]) -> Double {
    var best = -Double.infinity
    for lag in -40...40 {
        var s = 0.0
        var n = 0.0
        for i in 100..<(reference.count - 100) where i + lag >= 0 && i + lag < signal.count {
            let r = Double(reference[i])
            let e = Double(signal[i + lag]) - r
            s += r * r
            n += e * e
        }
        best = max(best, 10 * log10(s / max(n, 1)))
    }
    return best
}
