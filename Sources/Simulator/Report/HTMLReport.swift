/// The report of `switchboard simulate --html`: one self-contained page (inline CSS and SVG,
/// no scripts, nothing fetched) that shows at a glance whether the calls passed, how long the
/// caller waited in each turn and where that time went, how interruptions were handled, and
/// the latency distribution over all turns.
///
/// The page is XHTML-compatible HTML5: it parses as XML as well as in a browser, which is how
/// the tests check that no text from a scenario or a transcript escaped into markup.
public enum HTMLReport {
    /// Calls drawn one by one; a load run has many, and past this the page stops being read.
    public static let maxCallsDrawn = 20

    public static func render(calls: [CallReport], load: LoadReport?, title: String) -> String {
        let summary = ReportSummary(calls: calls, load: load)
        var page = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
        page += "<title>\(HTMLText.escape(title))</title><style>\(ReportStyle.css)</style></head><body>"
        page += "<header class=\"top\"><h1>\(HTMLText.escape(title))</h1><p class=\"subtitle\">\(HTMLText.escape(subtitle(calls: calls, load: load)))</p>"
        page += summary.html + "</header><main>"
        // One call is read for its waterfall; many are read for their distribution first.
        let distributionFirst = calls.count > 1
        if distributionFirst { page += distribution(calls) }
        page += callsSection(calls)
        if !distributionFirst { page += distribution(calls) }
        page += "</main><footer>switchboard simulate · times are the caller's, ms since each call started</footer></body></html>\n"
        return page
    }

    private static func subtitle(calls: [CallReport], load: LoadReport?) -> String {
        let scenarios = Set(calls.map(\.scenario)).sorted()
        var words = scenarios.count == 1 ? "Scenario \(scenarios[0])" : "\(scenarios.count) scenarios"
        if let load {
            words += " · load run: \(load.calls) calls, peak \(load.peakConcurrency) at once, \(ReportNumbers.fixed(load.wallSeconds, 1)) s"
        } else {
            words += " · \(calls.count) call\(calls.count == 1 ? "" : "s")"
        }
        return words
    }

    private static func distribution(_ calls: [CallReport]) -> String {
        let histogram = LatencyHistogram(calls: calls)
        var html = "<section class=\"distribution\"><h2>Turn latency over all calls</h2>"
        guard let svg = histogram.svg else { return html + "<p class=\"empty\">No answered turns to draw.</p></section>" }
        let turns = histogram.values.count
        html += "<p class=\"note\">\(turns) answered turn\(turns == 1 ? "" : "s") in \(calls.count) call\(calls.count == 1 ? "" : "s")"
            + " (greetings left out), caller-measured.</p>" + svg
        return html + "</section>"
    }

    private static func callsSection(_ calls: [CallReport]) -> String {
        var html = "<section class=\"calls\"><h2>Calls</h2>"
        guard !calls.isEmpty else { return html + "<p class=\"empty\">No calls were made.</p></section>" }
        let drawn = calls.prefix(maxCallsDrawn)
        if calls.count > drawn.count {
            let rest = calls[drawn.count...]
            let failed = rest.filter { !$0.passed }.count
            html += "<p class=\"note\">Showing the first \(drawn.count) of \(calls.count) calls; the other \(rest.count)"
                + " (\(failed) failed) are in the JSON report.</p>"
        }
        html += ReportLegend.html
        for (number, call) in drawn.enumerated() { html += CallSection(call: call, number: number + 1).html }
        return html + "</section>"
    }
}
