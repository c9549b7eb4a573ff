import Foundation

/// One call in the report: whether it passed and why not, how it ended, its waterfall and
/// its transcript.
struct CallSection {
    let call: CallReport
    /// The call's position on the page, for unique ids.
    let number: Int

    /// A long call's transcript is cut here; the JSON report keeps all of it.
    static let maxTranscriptLines = 300

    var html: String {
        let verdict = call.passed ? "pass" : "fail"
        var html = "<section class=\"call \(verdict)\" id=\"call-\(number)\">"
        html += "<h3><span class=\"badge \(verdict)\">\(call.passed ? "PASSED" : "FAILED")</span> "
            + "\(HTMLText.escape(call.scenario))<span class=\"sid\">\(HTMLText.escape(call.callSid))</span></h3>"
        html += "<p class=\"facts\">" + facts.map { "<span>\(HTMLText.escape($0))</span>" }.joined(separator: " · ") + "</p>"
        if !call.failures.isEmpty {
            html += "<ul class=\"failures\">" + call.failures.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>"
        }
        html += TurnWaterfall(call: call, id: "c\(number)").svg ?? "<p class=\"empty\">No turns were recorded.</p>"
        html += transcript
        html += "</section>"
        return html
    }

    private var facts: [String] {
        var facts: [String] = []
        switch call.ending {
        case "transfer"?: facts.append("ended: transfer" + (call.transferTo.map { " to \($0)" } ?? ""))
        case let ending?: facts.append("ended: \(ending)")
        case nil: facts.append("ended: broke off")
        }
        facts.append("\(ReportNumbers.fixed((ReportNumbers.usable(call.durationMs) ?? 0) / 1000, 1)) s")
        facts.append("started \(Self.utc(call.startedAtUnixMs))")
        facts.append("\(call.turns.count) turn\(call.turns.count == 1 ? "" : "s") incl. greeting")
        let jitter = call.jitter
        facts.append("jitter p99 \(ReportNumbers.ms(jitter.p99Ms)), \(jitter.underruns) underrun\(jitter.underruns == 1 ? "" : "s"), \(jitter.frames) frames")
        if let recording = call.recording { facts.append("recording \(recording)") }
        return facts
    }

    private var transcript: String {
        guard !call.transcript.isEmpty else { return "<p class=\"empty\">No transcript.</p>" }
        var html = "<table class=\"transcript\"><caption>Transcript</caption>"
        for line in call.transcript.prefix(Self.maxTranscriptLines) {
            let who = line.who == "caller" || line.who == "agent" ? line.who : "other"
            html += "<tr class=\"\(who)\"><td class=\"t\">\(ReportNumbers.clock(line.ms))</td>"
                + "<td class=\"who\">\(HTMLText.escape(line.who))</td><td>\(HTMLText.escape(line.text))</td></tr>"
        }
        if call.transcript.count > Self.maxTranscriptLines {
            html += "<tr><td></td><td></td><td class=\"more\">… \(call.transcript.count - Self.maxTranscriptLines) more lines in the JSON report</td></tr>"
        }
        return html + "</table>"
    }

    /// Unix ms as a UTC time people read, without a formatter's locale in the way.
    static func utc(_ unixMs: Int) -> String {
        // Year 1970 to 3000; anything else is a broken clock, shown as the number it is.
        guard (0...32_503_680_000_000).contains(unixMs) else { return "at unix ms \(unixMs)" }
        let date = Date(timeIntervalSince1970: Double(unixMs) / 1000)
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(secondsFromGMT: 0) ?? .current, from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day,
              let hour = parts.hour, let minute = parts.minute, let second = parts.second else { return "–" }
        return String(format: "%04ld-%02ld-%02ld %02ld:%02ld:%02ld UTC", year, month, day, hour, minute, second)
    }
}
