/// A compiled `Regex`, shareable between the calls (and threads) that match with it.
///
/// `Regex` is not declared `Sendable`, but nothing about a built value changes: matching reads
/// the compiled program and keeps its progress in the match's own state. The one part filled in
/// later, the program lowered for the matching engine, is filled here by a first match, before
/// the value can be shared (and the standard library fills it with an atomic store anyway). So
/// every use after `init` only reads, and `@unchecked Sendable` is sound.
final class CompiledRegex: @unchecked Sendable {
    let regex: Regex<AnyRegexOutput>

    init(_ regex: Regex<AnyRegexOutput>) {
        self.regex = regex
        _ = try? regex.firstMatch(in: "")
    }
}
