import Foundation

/// An `--engine` list as llm-stream and tts-cache take it: `name[:detail],…`, tried in order,
/// the detail after the first colon being the engine's model (llm-stream) or voice (tts-cache).
enum EngineList {
    static func parse(_ list: String) -> [(name: String, detail: String?)] {
        list.split(separator: ",").map(item)
    }

    /// One `name[:detail]`, trimmed; empty pieces kept: ":" is an engine named "" (refused by
    /// name), not a crash, and "openai:" has an empty detail.
    static func item<S: StringProtocol>(_ item: S) -> (name: String, detail: String?) {
        let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return (parts[0], parts.count > 1 ? parts[1] : nil)
    }
}

extension EngineList {
    /// A per-engine setting, `name=value` → (name, value); a bare value (or a URL, whose `=`
    /// comes after `://`) → (nil, value): `--endpoint`, `--model` of tts-cache and stt-stream.
    static func named(_ item: String) -> (name: String?, value: String) {
        guard let equals = item.firstIndex(of: "="), !item[..<equals].contains(":") else { return (nil, item) }
        return (String(item[..<equals]), String(item[item.index(after: equals)...]))
    }
}
