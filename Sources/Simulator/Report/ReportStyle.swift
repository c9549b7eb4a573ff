/// The report's stylesheet, inline so the page is one self-contained file. It styles the
/// inline SVG figures too (their text and lines carry classes, not presentation attributes).
/// The sheet holds no `<` or `&`, so the page stays parsable as XML.
enum ReportStyle {
    static let css = """
    :root { color-scheme: light; }
    body { font: 14px/1.45 system-ui, "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1f2328;
           background: #f6f7f9; margin: 0; }
    main, header.top { max-width: 1300px; margin: 0 auto; padding: 0 24px; }
    header.top { padding-top: 22px; }
    h1 { font-size: 24px; margin: 0 0 4px; }
    h2 { font-size: 18px; margin: 28px 0 10px; }
    section.distribution h2 { margin-top: 0; }
    h3 { font-size: 16px; margin: 0 0 4px; display: flex; align-items: center; gap: 10px; }
    .subtitle { color: #57606a; margin: 0 0 14px; }
    .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(185px, 1fr)); gap: 10px; }
    .tile { background: #fff; border: 1px solid #d8dee4; border-radius: 8px; padding: 10px 14px; border-top: 4px solid #8c959f; }
    .tile.pass { border-top-color: #2da44e; }
    .tile.fail { border-top-color: #d62728; }
    .tile .k { color: #57606a; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
    .tile .v { font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; }
    .tile.fail .v { color: #c62828; }
    .tile .sub { color: #57606a; font-size: 12px; }
    table.errors { margin: 12px 0 16px; border-collapse: collapse; background: #fff; }
    table.errors caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
    table.errors td { border: 1px solid #d8dee4; padding: 3px 8px; }
    td.n { text-align: right; font-variant-numeric: tabular-nums; }
    section.call, section.distribution { background: #fff; border: 1px solid #d8dee4; border-radius: 8px; padding: 16px 18px; margin-bottom: 16px; }
    section.call.fail { border-left: 5px solid #d62728; }
    section.call.pass { border-left: 5px solid #2da44e; }
    .badge { font-size: 12px; font-weight: 700; color: #fff; border-radius: 4px; padding: 2px 8px; letter-spacing: .05em; }
    .badge.pass { background: #2da44e; }
    .badge.fail { background: #d62728; }
    .sid { color: #57606a; font-weight: 400; font-size: 13px; font-family: "DejaVu Sans Mono", monospace; }
    .facts { color: #57606a; margin: 0 0 10px; font-size: 13px; }
    ul.failures { background: #fff0f0; border: 1px solid #f3b4b4; border-radius: 6px; margin: 0 0 12px; padding: 8px 10px 8px 28px;
                  color: #9b1c1c; font-family: "DejaVu Sans Mono", monospace; font-size: 12.5px; }
    .note { color: #57606a; margin: 0 0 6px; }
    .empty { color: #57606a; font-style: italic; }
    .legend { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 12.5px; margin: 0 0 14px; }
    .legend span { display: inline-flex; align-items: center; gap: 6px; }
    .legend code { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; }
    .legend i { display: inline-block; width: 22px; height: 12px; border-radius: 2px; }
    .legend i.hatched { background: repeating-linear-gradient(45deg, #59a14f 0 3px, #cfe6c9 3px 6px); }
    .legend i.tick { width: 14px; height: 12px; border-left: 2px dashed #33302e; border-radius: 0; }
    .legend i.tick.red { border-left-color: #d62728; }
    .legend i.tick.grey { border-left-color: #7f7f7f; }
    svg { display: block; max-width: 100%; height: auto; margin: 4px 0 10px; }
    svg text { font-family: system-ui, "DejaVu Sans", Arial, sans-serif; fill: #1f2328; }
    svg .panel-title, svg .axis-title { font-size: 12px; font-weight: 600; fill: #57606a; }
    svg .axis-title { text-anchor: middle; }
    svg .axis-title.left { text-anchor: start; }
    svg .tick { font-size: 10.5px; fill: #6e7781; text-anchor: middle; }
    svg .tick.count { text-anchor: end; }
    svg .grid { stroke: #eaeef2; stroke-width: 1; }
    svg .baseline { stroke: #8c959f; }
    svg .stripe { fill: #f6f8fa; }
    svg .row-title { font-size: 13px; font-weight: 600; }
    svg .row-said { font-size: 11px; fill: #57606a; font-style: italic; }
    svg .segment-ms { font-size: 10.5px; font-weight: 600; text-anchor: middle; fill: #1f2328; }
    svg .latency { font-size: 12.5px; font-weight: 700; }
    svg .latency.none { font-weight: 400; fill: #6e7781; }
    svg .cut { stroke: #1f2328; stroke-width: 2; }
    svg .mark-label { font-size: 10.5px; }
    svg .interruption.cleared .mark-label { fill: #33302e; }
    svg .interruption.missed .mark-label, svg .interruption.false .mark-label { fill: #d62728; font-weight: 700; }
    svg .interruption.ignored .mark-label { fill: #6e7781; }
    svg .bin { fill: #4e79a7; }
    svg .percentile line { stroke-width: 1.5; stroke-dasharray: 5 3; }
    svg .p50 line { stroke: #1f2328; }
    svg .p95 line { stroke: #e07b00; }
    svg .p99 line { stroke: #d62728; }
    svg .percentile-label { font-size: 11.5px; font-weight: 600; }
    svg .percentile-label.end { text-anchor: end; }
    svg .p95 .percentile-label { fill: #b86500; }
    svg .p99 .percentile-label { fill: #d62728; }
    table.transcript { border-collapse: collapse; width: 100%; font-size: 13px; }
    table.transcript caption { text-align: left; font-weight: 600; padding: 4px 0; }
    table.transcript td { padding: 3px 8px; border-top: 1px solid #eaeef2; vertical-align: top; }
    table.transcript td.t { color: #6e7781; font-variant-numeric: tabular-nums; width: 60px; }
    table.transcript td.who { width: 54px; font-weight: 600; }
    table.transcript tr.caller td.who { color: #4e79a7; }
    table.transcript tr.agent td.who { color: #3d8a36; }
    td.more { color: #6e7781; font-style: italic; }
    footer { color: #8c959f; font-size: 12px; text-align: center; padding: 8px 0 24px; }
    """
}
