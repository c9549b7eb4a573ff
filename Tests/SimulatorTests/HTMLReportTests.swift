import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Simulator
import Testing

/// The `--html` report is read by people who were not there: it must show every turn where the
/// time went, keep hostile text from a scenario or a transcript inert, and never fail to render.
@Suite struct HTMLReportTests {
    @Test func theWholePageParsesAsXMLWithNoScriptsOrFetchedAssets() throws {
        let html = HTMLReport.render(calls: [Self.bookingCall()], load: nil, title: "Booking call: simulate report")
        if let path = ProcessInfo.processInfo.environment["HTML_REPORT_SAMPLE_OUT"] {
            // scripts/screenshot-report.sh draws this page for Examples/simulate-report.png.
            try html.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let page = try Page(html)
        #expect(page.root.name == "html")
        // The check itself rejects what a stray `<` or `&` would make of a page.
        #expect(throws: ParseFailure.self) { try Page("<html><p><td></p></html>") }
        #expect(throws: ParseFailure.self) { try Page("<html><p>fish & chips</p></html>") }
        let everything = page.root.descendants
        #expect(!everything.contains { ["script", "img", "link", "iframe", "object", "embed"].contains($0.name) })
        #expect(!everything.contains { $0.attributes.keys.contains { ["src", "href", "onload", "onerror"].contains($0) } })
        #expect(page.all("style").count == 1)
        #expect(page.all("svg").count == 2, "one waterfall and one histogram")
        let facts = try #require(page.all("p").first { $0.classes.contains("facts") }).text
        #expect(facts.contains("ended: hangup") && facts.contains("started 2026-12-01 22:46:25 UTC") && facts.contains("recording out/booking.wav"))
    }

    @Test func hostileTextStaysTextAndNothingBreaksTheMarkup() throws {
        let hostile = "<script>alert(\"x\")</script> & 'co' ]]> </td>\u{0}\u{7}"
        var call = Self.bookingCall()
        call.scenario = hostile
        call.callSid = "CA\"><b>"
        call.failures = ["booking.yaml:12: expected \"<confirmed>\" & got '\(hostile)'"]
        call.transcript.append(TranscriptLine(who: "caller\"<", text: hostile, ms: 24_000))
        call.turns[1].callerText = hostile
        call.turns[1].serverStages.append(StageSpan(name: "custom<stage>&\"", ms: 3))
        let html = HTMLReport.render(calls: [call], load: nil, title: hostile)
        let page = try Page(html)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<b>"))
        // What the parser reads back is the text as given, the two control characters aside.
        let shown = hostile.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}").replacingOccurrences(of: "\u{7}", with: "\u{FFFD}")
        #expect(page.all("title").first?.text == shown)
        #expect(page.all("h3").first?.text.contains(shown) == true)
        #expect(page.all("li").map(\.text).contains("booking.yaml:12: expected \"<confirmed>\" & got '\(shown)'"))
        #expect(page.all("td").map(\.text).contains(shown))
        #expect(page.all("rect").contains { $0.attributes["data-stage"] == "custom<stage>&\"" })
    }

    @Test func theWaterfallHasOneRowPerTurnAndStagesAsWideAsTheirMilliseconds() throws {
        let call = Self.bookingCall()
        let page = try Page(HTMLReport.render(calls: [call], load: nil, title: "t"))
        let rows = page.all("g").filter { $0.classes.contains("turn") }
        #expect(rows.map { $0.attributes["data-turn"] } == call.turns.map { "\($0.index)" })

        for panel in ["stage", "breakdown-stage"] {
            let bars = rows.flatMap { $0.all("rect") }.filter { $0.classes.contains(panel) }
            let measured = bars.compactMap { bar in bar.number("data-ms").flatMap { ms in bar.number("width").map { (ms, $0) } } }
            #expect(measured.count == 22, "\(panel): every stage of the greeting and the three answers")
            // One scale for every row, taken from the widest bar: every width is its ms on that
            // scale, give or take the 0.1 px the coordinates are rounded to.
            let widest = try #require(measured.max { $0.0 < $1.0 })
            let pxPerMs = widest.1 / widest.0
            for (ms, width) in measured { #expect(abs(width - ms * pxPerMs) <= 0.15, "\(panel): \(ms) ms drawn \(width) px at \(pxPerMs) px/ms") }
        }
        // Chain order, with sentence.first drawn as what it adds after the first token (6 − 5).
        let answer = try #require(rows.first { $0.attributes["data-turn"] == "1" })
        let stages = answer.all("rect").filter { $0.classes.contains("breakdown-stage") }
        #expect(stages.map { $0.attributes["data-stage"] ?? "" } ==
                ["endpointing", "stt.final_latency", "llm.ttft", "sentence.first", "tts.first_byte", "overhead"])
        #expect(stages.map { $0.number("data-ms") } == [270, 160, 5, 1, 14, 1])
        // Laid end to end: each starts where the one before it ends.
        for (before, after) in zip(stages, stages.dropFirst()) {
            #expect(abs(before.number("x")! + before.number("width")! - after.number("x")!) < 0.15)
        }
        #expect(answer.all("text").contains { $0.classes.contains("latency") && $0.text == "452 ms" })
        // The caller's bar ends where the timeline's stages begin.
        let caller = try #require(answer.all("rect").first { $0.classes.contains("caller") })
        let firstStage = try #require(answer.all("rect").first { $0.classes.contains("stage") })
        #expect(abs(caller.number("x")! + caller.number("width")! - firstStage.number("x")!) < 0.15)
    }

    @Test func interruptionsAreMarkedOnTheTurnTheyCutAndFailuresInRed() throws {
        var call = Self.bookingCall()
        call.interruptions.append(InterruptionReport(kind: .backchannel, line: 14, speechStartMs: 21_000, clearMs: 21_210,
                                                     reactionMs: 210, outcome: .falseInterruption))
        let page = try Page(HTMLReport.render(calls: [call], load: nil, title: "t"))
        let rows = page.all("g").filter { $0.classes.contains("turn") }
        func marks(_ turn: Int) -> [Node] {
            rows.first { $0.attributes["data-turn"] == "\(turn)" }!.all("g").filter { $0.classes.contains("interruption") }
        }
        #expect(marks(1).map { $0.attributes["data-outcome"] } == ["ignored"])
        #expect(marks(2).map { $0.attributes["data-outcome"] } == ["cleared"])
        #expect(marks(2).first?.all("text").first?.text == "barge-in, cleared in 180 ms")
        #expect(marks(3).map { $0.attributes["data-outcome"] } == ["false_interruption"])
        #expect(marks(3).first?.attributes["stroke"] == "#d62728")
        let cut = rows.flatMap { $0.all("rect") }.filter { $0.classes.contains("interrupted") }
        #expect(cut.count == 1)
        #expect(cut.first?.attributes["fill"] == "url(#cut-c1)")
        #expect(page.all("pattern").contains { $0.attributes["id"] == "cut-c1" })
    }

    @Test func theHistogramCountsEveryAnsweredTurnInItsBinWithPercentileLines() throws {
        let latencies = [100.0, 105, 230, 990, 1000]
        let call = CallReport(scenario: "s", callSid: "CA1", startedAtUnixMs: 0, turns:
            [TurnReport(index: 0, latencyMs: 5000)] + latencies.enumerated().map { TurnReport(index: $0.offset + 1, latencyMs: $0.element) })
        let page = try Page(HTMLReport.render(calls: [call], load: nil, title: "t"))
        let histogram = try #require(page.all("svg").first { $0.classes.contains("histogram") })
        let bins = histogram.all("rect").filter { $0.classes.contains("bin") }
        // 0–1000 ms in 20 ms bins; the greeting's 5 s answers no one and is left out.
        let counted = bins.map { [$0.number("data-from")!, $0.number("data-to")!, $0.number("data-count")!] }
        #expect(counted == [[100, 120, 2], [220, 240, 1], [980, 1000, 2]])
        let lines = histogram.all("g").filter { $0.classes.contains("percentile") }
        #expect(lines.map { $0.number("data-ms") } == [230, 1000, 1000])
        // The bars stand on a common baseline and a bin of 2 is twice as tall as a bin of 1.
        let heights = Dictionary(bins.map { ($0.number("data-count")!, $0.number("height")!) }) { a, _ in a }
        #expect(abs(heights[2]! - 2 * heights[1]!) < 0.2)
    }

    @Test func emptyAndBrokenInputsRenderAPageThatParses() throws {
        let nothing = try Page(HTMLReport.render(calls: [], load: nil, title: ""))
        #expect(nothing.all("p").contains { $0.text == "No calls were made." })
        #expect(nothing.all("svg").isEmpty)

        let silent = CallReport(scenario: "silent", callSid: "CA0", startedAtUnixMs: -5, durationMs: .nan)
        let zeroLoad = LoadReport(calls: 1, passed: 0, failed: 1, peakConcurrency: 0, wallSeconds: .infinity, latency: Percentiles([]))
        let empty = try Page(HTMLReport.render(calls: [silent], load: zeroLoad, title: "x"))
        #expect(empty.all("p").contains { $0.text == "No turns were recorded." })
        #expect(empty.all("p").contains { $0.text == "No answered turns to draw." })

        let broken = CallReport(scenario: "broken", callSid: "CA2", startedAtUnixMs: Int.max, durationMs: -1, turns: [
            TurnReport(index: 1, callerSpeechStartMs: .nan, callerSpeechEndMs: .infinity, agentAudioStartMs: -40,
                       agentAudioEndMs: 1e308, latencyMs: .nan, serverStages: [StageSpan(name: "llm.ttft", ms: .infinity)]),
            TurnReport(index: 2, callerSpeechStartMs: 900, callerSpeechEndMs: 100, latencyMs: -3),
        ], interruptions: [InterruptionReport(kind: .bargeIn, line: 1, speechStartMs: .nan, outcome: .missed)],
            transcript: [TranscriptLine(who: "agent", text: "", ms: .nan)], jitter: JitterReport(p99Ms: .nan))
        let html = HTMLReport.render(calls: [broken], load: nil, title: "x")
        let page = try Page(html)
        #expect(page.all("g").filter { $0.classes.contains("turn") }.count == 2)
        for node in page.root.descendants {
            for value in node.attributes.values { #expect(!["nan", "inf"].contains { value.lowercased().contains($0) }, "\(node.name) \(node.attributes)") }
        }
    }

    @Test func aLoadRunShowsItsFiguresAndDrawsOnlyTheFirstTwentyCalls() throws {
        var calls = (0..<25).map { n in
            var call = Self.bookingCall()
            call.callSid = "CA\(n)"
            return call
        }
        calls[22].passed = false
        let page = try Page(HTMLReport.render(calls: calls, load: Self.load, title: "load"))
        #expect(page.all("section").filter { $0.classes.contains("call") }.count == 20)
        #expect(page.all("p").contains { $0.text == "Showing the first 20 of 25 calls; the other 5 (1 failed) are in the JSON report." })
        let tiles = Dictionary(page.all("div").filter { $0.classes.contains("tile") }.map {
            ($0.children[0].text, $0.children[1].text)
        }) { a, _ in a }
        #expect(tiles["calls"] == "24 passed")
        #expect(tiles["turn latency p50"] == "452 ms")
        #expect(tiles["turn latency p95 / p99"] == "480 / 511 ms")
        #expect(tiles["barge-in reaction p95"] == "190 ms")
        #expect(tiles["false / missed interruptions"] == "0 / 1")
        #expect(tiles["audio jitter p99"] == "3.1 ms")
        #expect(tiles["server per call"] == "1.2 % CPU")
        #expect(page.all("div").contains { $0.text == "740 KB memory; peak RSS 61.5 MB" })
        #expect(page.all("td").map(\.text).contains("barge-in missed (booking.yaml:9)"))
        // The histogram is over every call, the undrawn ones too: 25 calls × 3 answers.
        let bins = page.all("rect").filter { $0.classes.contains("bin") }
        #expect(bins.compactMap { $0.number("data-count") }.reduce(0, +) == 75)
    }
}
