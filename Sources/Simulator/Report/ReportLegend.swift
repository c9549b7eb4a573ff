/// What the waterfall's colours and marks mean, drawn once above the calls.
enum ReportLegend {
    static var html: String {
        var html = "<div class=\"legend\">"
        html += item(StagePalette.callerSpeech, "caller speaks")
        for stage in StagePalette.stages {
            html += item(stage.color, stage.label, code: stage.name)
        }
        html += item(StagePalette.transport, "wait not in the server's trace (network, buffers)")
        html += item(StagePalette.agentAudio, "agent audio plays")
        html += "<span><i class=\"hatched\"></i>agent audio cut by a barge-in</span>"
        html += "<span><i class=\"tick\"></i>barge-in: caller speech onset → clear</span>"
        html += "<span><i class=\"tick red\"></i>false interruption or missed barge-in</span>"
        html += "<span><i class=\"tick grey\"></i>backchannel the agent talked through</span>"
        return html + "</div>"
    }

    private static func item(_ color: String, _ label: String, code: String? = nil) -> String {
        let name = code.map { "<code>\(HTMLText.escape($0))</code> " } ?? ""
        return "<span><i style=\"background:\(color)\"></i>\(name)\(HTMLText.escape(label))</span>"
    }
}
