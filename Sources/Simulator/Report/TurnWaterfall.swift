/// One call's turns as an SVG waterfall: a row per turn on the call's clock (the caller's
/// speech, the server's stages stacked after it, the agent's audio, the interruptions), and
/// beside it the same turn's wait zoomed in, where a 5 ms stage is still visible next to a
/// 270 ms one. Both panels share one scale across rows, so rows compare at a glance.
struct TurnWaterfall {
    let call: CallReport
    /// Unique on the page: the SVG's pattern ids are page-wide.
    let id: String

    // Layout, in SVG units (px at 100%).
    static let width = 1250.0
    static let labelWidth = 150.0
    static let timelineX = 160.0
    static let timelineWidth = 620.0
    static let breakdownX = 820.0
    static let breakdownWidth = 350.0
    static let top = 42.0
    static let rowHeight = 46.0
    static let barY = 8.0
    static let barHeight = 16.0

    /// The call's clock, 0 to the last thing that happened.
    var timeline: TimeAxis {
        var last = ReportNumbers.usable(call.durationMs) ?? 0
        for turn in call.turns {
            for value in [turn.callerSpeechStartMs, turn.callerSpeechEndMs, turn.agentAudioStartMs, turn.agentAudioEndMs] {
                last = max(last, ReportNumbers.usable(value) ?? 0)
            }
            if let end = ReportNumbers.usable(turn.callerSpeechEndMs) { last = max(last, end + totalServerMs(turn)) }
        }
        for interruption in call.interruptions {
            last = max(last, ReportNumbers.usable(interruption.clearMs) ?? ReportNumbers.usable(interruption.speechStartMs) ?? 0)
        }
        return TimeAxis(upTo: last, ticks: 10)
    }

    /// The zoomed wait: 0 to the longest turn's wait.
    var breakdown: TimeAxis {
        let longest = call.turns.map { max(ReportNumbers.usable($0.latencyMs) ?? 0, totalServerMs($0)) }.max() ?? 0
        return TimeAxis(upTo: longest, ticks: 5)
    }

    /// The SVG, or nil when the call has no turns to draw.
    var svg: String? {
        guard !call.turns.isEmpty else { return nil }
        let timeline = self.timeline, breakdown = self.breakdown
        let height = Self.top + Double(call.turns.count) * Self.rowHeight + 8
        var svg = SVG()
        svg.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "class": "waterfall", "width": Self.width, "height": height,
                         "viewBox": "0 0 \(ReportNumbers.coordinate(Self.width)) \(ReportNumbers.coordinate(height))"])
        svg.raw("<defs><pattern id=\"cut-\(id)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#cfe6c9\"/><rect width=\"3\" height=\"6\" fill=\"\(StagePalette.agentAudio)\"/></pattern></defs>")
        svg.text("Call timeline, ms since the call started", x: Self.timelineX, y: 13, class: "panel-title")
        svg.text("Caller's wait after speaking, and where it went, ms", x: Self.breakdownX, y: 13, class: "panel-title")
        axis(timeline, x0: Self.timelineX, width: Self.timelineWidth, bottom: height - 8, into: &svg)
        axis(breakdown, x0: Self.breakdownX, width: Self.breakdownWidth, bottom: height - 8, into: &svg)
        let placed = rowsOfInterruptions()
        for (row, turn) in call.turns.enumerated() {
            let y = Self.top + Double(row) * Self.rowHeight
            svg.open("g", ["class": "turn", "data-turn": turn.index])
            if row % 2 == 1 { svg.empty("rect", ["class": "stripe", "x": 0, "y": y, "width": Self.width, "height": Self.rowHeight]) }
            label(turn, y: y, into: &svg)
            timelineRow(turn, y: y, axis: timeline, into: &svg)
            breakdownRow(turn, y: y, axis: breakdown, into: &svg)
            for interruption in placed[row, default: []] { mark(interruption, y: y, axis: timeline, into: &svg) }
            svg.close("g")
        }
        svg.close("svg")
        return svg.text
    }

    // MARK: - Parts of a row

    private func label(_ turn: TurnReport, y: Double, into svg: inout SVG) {
        svg.text(turn.index == 0 ? "Greeting" : "Turn \(turn.index)", x: 4, y: y + 20, class: "row-title")
        let said = turn.index == 0 ? turn.agentText : turn.callerText
        if let said, !said.isEmpty {
            svg.text("“" + HTMLText.shortened(said, to: 24) + "”", x: 4, y: y + 35, class: "row-said")
        }
    }

    private func timelineRow(_ turn: TurnReport, y: Double, axis: TimeAxis, into svg: inout SVG) {
        let x = { (ms: Double) in axis.position(ms, x0: Self.timelineX, width: Self.timelineWidth) }
        let barTop = y + Self.barY
        if let start = ReportNumbers.usable(turn.callerSpeechStartMs), let end = ReportNumbers.usable(turn.callerSpeechEndMs), end >= start {
            bar("caller", from: x(start), to: x(end), y: barTop, fill: StagePalette.callerSpeech,
                title: "caller speaks \(ReportNumbers.ms(start))–\(ReportNumbers.ms(end))" + quoted(turn.callerText), into: &svg)
        }
        // The stages follow the caller's speech; a greeting has none, so its stages end where
        // its audio begins.
        let segments = StagePalette.segments(of: turn.serverStages)
        let total = segments.reduce(0) { $0 + $1.ms }
        var at = ReportNumbers.usable(turn.callerSpeechEndMs)
            ?? ReportNumbers.usable(turn.agentAudioStartMs).map { max(0, $0 - total) }
        if at != nil {
            for segment in segments {
                let from = at!
                bar("stage", from: x(from), to: x(from + segment.ms), y: barTop, fill: segment.color,
                    title: "\(segment.name) \(ReportNumbers.ms(segment.ms))", extra: ["data-stage": segment.name, "data-ms": segment.ms], into: &svg)
                at = from + segment.ms
            }
        }
        if let start = ReportNumbers.usable(turn.agentAudioStartMs) {
            let end = max(start, ReportNumbers.usable(turn.agentAudioEndMs) ?? start)
            let fill = turn.interrupted ? "url(#cut-\(id))" : StagePalette.agentAudio
            let title = "agent speaks \(ReportNumbers.ms(start))–\(ReportNumbers.ms(end))" + (turn.interrupted ? ", cut short by a barge-in" : "") + quoted(turn.agentText)
            bar(turn.interrupted ? "agent interrupted" : "agent", from: x(start), to: x(end), y: barTop, fill: fill, title: title, into: &svg)
            if turn.interrupted {
                svg.empty("line", ["class": "cut", "x1": x(end), "x2": x(end), "y1": barTop - 3, "y2": barTop + Self.barHeight + 3])
            }
        }
    }

    private func breakdownRow(_ turn: TurnReport, y: Double, axis: TimeAxis, into svg: inout SVG) {
        let x = { (ms: Double) in axis.position(ms, x0: Self.breakdownX, width: Self.breakdownWidth) }
        let barTop = y + Self.barY
        var at = 0.0
        for segment in StagePalette.segments(of: turn.serverStages) {
            bar("breakdown-stage", from: x(at), to: x(at + segment.ms), y: barTop, fill: segment.color,
                title: "\(segment.name) \(ReportNumbers.ms(segment.ms))", extra: ["data-stage": segment.name, "data-ms": segment.ms], into: &svg)
            // The big stages carry their number, so the split reads without hovering.
            if x(at + segment.ms) - x(at) >= 30 {
                svg.text(ReportNumbers.fixed(segment.ms), x: (x(at) + x(at + segment.ms)) / 2, y: barTop + 12, class: "segment-ms")
            }
            at += segment.ms
        }
        let latency = ReportNumbers.usable(turn.latencyMs)
        if let latency, latency > at + 0.5 {
            bar("breakdown-transport", from: x(at), to: x(latency), y: barTop, fill: StagePalette.transport,
                title: "not in the server's trace (network, buffers) \(ReportNumbers.ms(latency - at))", extra: ["data-ms": latency - at], into: &svg)
            at = latency
        }
        let text = latency.map { ReportNumbers.ms($0) } ?? (turn.index == 0 ? "greeting" : "–")
        svg.text(text, x: x(at) + 6, y: barTop + 12.5, class: latency == nil ? "latency none" : "latency",
                 extra: latency.map { ["data-ms": $0] } ?? [:])
    }

    private func mark(_ interruption: InterruptionReport, y: Double, axis: TimeAxis, into svg: inout SVG) {
        guard let onset = ReportNumbers.usable(interruption.speechStartMs) else { return }
        let x = { (ms: Double) in axis.position(ms, x0: Self.timelineX, width: Self.timelineWidth) }
        let (cls, color, words): (String, String, String) = switch interruption.outcome {
        case .cleared: ("cleared", StagePalette.bargeIn, "barge-in, cleared in \(ReportNumbers.ms(interruption.reactionMs))")
        case .missed: ("missed", StagePalette.failedInterruption, "barge-in MISSED: agent talked on")
        case .ignored: ("ignored", StagePalette.ignoredBackchannel, "backchannel, talked through")
        case .falseInterruption: ("false", StagePalette.failedInterruption, "backchannel FALSE interruption, \(ReportNumbers.ms(interruption.reactionMs))")
        }
        let lineY = y + Self.barY + Self.barHeight + 6
        let end = ReportNumbers.usable(interruption.clearMs).map(x) ?? x(onset)
        svg.open("g", ["class": "interruption \(cls)", "data-outcome": interruption.outcome.rawValue, "stroke": color, "fill": color])
        svg.raw("<title>\(HTMLText.escape("\(words) (scenario line \(interruption.line))"))</title>")
        svg.empty("line", ["x1": x(onset), "x2": x(onset), "y1": y + 3, "y2": lineY + 3, "stroke-dasharray": "2 2"])
        svg.empty("line", ["x1": x(onset), "x2": max(end, x(onset)), "y1": lineY, "y2": lineY, "stroke-width": 2])
        svg.empty("path", ["d": "M\(ReportNumbers.coordinate(x(onset) - 4)) \(ReportNumbers.coordinate(y + 1)) h8 l-4 6 z", "stroke": "none"])
        if interruption.clearMs != nil { svg.empty("line", ["x1": end, "x2": end, "y1": lineY - 4, "y2": lineY + 4, "stroke-width": 2]) }
        svg.text(words, x: x(onset) + 4, y: lineY + 12, class: "mark-label", extra: ["stroke": "none"])
        svg.close("g")
    }

    // MARK: - Helpers

    /// Each interruption goes on the row of the turn the agent was speaking when it began
    /// (the turn whose audio it fell in, else the last turn that had started by then).
    func rowsOfInterruptions() -> [Int: [InterruptionReport]] {
        var rows: [Int: [InterruptionReport]] = [:]
        for interruption in call.interruptions {
            let onset = interruption.speechStartMs
            let inAudio = call.turns.firstIndex { turn in
                guard let start = turn.agentAudioStartMs, start <= onset else { return false }
                return onset <= (turn.agentAudioEndMs ?? .infinity)
            }
            let started = call.turns.lastIndex { ($0.agentAudioStartMs ?? .infinity) <= onset }
            rows[inAudio ?? started ?? 0, default: []].append(interruption)
        }
        return rows
    }

    private func totalServerMs(_ turn: TurnReport) -> Double {
        StagePalette.segments(of: turn.serverStages).reduce(0) { $0 + $1.ms }
    }

    private func quoted(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "" }
        return ": “\(text)”"
    }

    private func bar(_ cls: String, from: Double, to: Double, y: Double, fill: String, title: String,
                     extra: [String: any SVGValue] = [:], into svg: inout SVG) {
        var attributes: [String: any SVGValue] = ["class": cls, "x": from, "y": y, "width": max(0, to - from), "height": Self.barHeight, "fill": fill]
        attributes.merge(extra) { a, _ in a }
        svg.open("rect", attributes)
        svg.raw("<title>\(HTMLText.escape(title))</title>")
        svg.close("rect")
    }

    private func axis(_ axis: TimeAxis, x0: Double, width: Double, bottom: Double, into svg: inout SVG) {
        for tick in axis.ticks {
            let x = axis.position(tick, x0: x0, width: width)
            svg.empty("line", ["class": "grid", "x1": x, "x2": x, "y1": Self.top - 6, "y2": bottom])
            svg.text(ReportNumbers.fixed(tick), x: x, y: Self.top - 10, class: "tick")
        }
    }
}
