import Foundation

/// How the report writes numbers, and its guard against numbers it cannot draw.
///
/// A report is built from measurements; a broken one (NaN, infinity, a negative duration)
/// must show as missing, never reach `Int(_:)` (which traps on NaN) or an SVG coordinate.
enum ReportNumbers {
    /// `value` if it is a usable measurement: finite and not negative.
    static func usable(_ value: Double?) -> Double? {
        guard let value, value.isFinite, value >= 0 else { return nil }
        return value
    }

    /// Milliseconds as people read them: whole ms, one decimal below 10 ms ("0.8 ms").
    static func ms(_ value: Double?) -> String {
        guard let value = usable(value) else { return "–" }
        return value < 10 && value != value.rounded() ? String(format: "%.1f ms", value) : String(format: "%.0f ms", value)
    }

    /// A plain number with `decimals` places ("12.5").
    static func fixed(_ value: Double, _ decimals: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        return String(format: "%.\(max(0, min(6, decimals)))f", value)
    }

    /// An SVG coordinate or length: one decimal is finer than a pixel at any zoom that matters.
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(format: "%.0f", rounded) : String(format: "%.1f", rounded)
    }

    /// A time on the call's clock as `m:ss.s` (the transcript's time column).
    static func clock(_ ms: Double) -> String {
        guard let ms = usable(ms) else { return "–" }
        // Round to tenths first, so 59.96 s reads 1:00.0 rather than 0:60.0.
        let tenths = (ms / 100).rounded()
        let minutes = (tenths / 600).rounded(.down)
        return String(format: "%.0f:%04.1f", minutes, (tenths - minutes * 600) / 10)
    }
}
