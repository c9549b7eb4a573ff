/// A node's argv, read and edited one option at a time as the argument parser reads it:
/// `--name value` or `--name=value` (and `-i value` for short names). Only options that take a
/// value are handled, which is all the configuration ever touches.
///
/// Any word is taken for an option if it is spelled like one; an option's value spelled exactly
/// `--engine` would be misread, which no real value is.
struct NodeArguments: Equatable {
    private(set) var argv: [String]

    init(_ argv: [String]) { self.argv = argv }

    var tool: String? { argv.first }

    /// Where one occurrence sits: the option's word, and whether its value is in the same word.
    private struct Occurrence {
        let index: Int
        let name: String
        let inline: Bool
        var valueIndex: Int { inline ? index : index + 1 }
    }

    private func occurrences(of names: Set<String>) -> [Occurrence] {
        var found: [Occurrence] = []
        var index = 1
        while index < argv.count {
            let word = argv[index]
            if word == "--" { break }  // the rest are arguments, not options
            if names.contains(word), index + 1 < argv.count {
                found.append(Occurrence(index: index, name: word, inline: false))
                index += 2
                continue
            }
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "="), names.contains(String(word[..<equals])) {
                found.append(Occurrence(index: index, name: String(word[..<equals]), inline: true))
            }
            index += 1
        }
        return found
    }

    private func value(at occurrence: Occurrence) -> String {
        let word = argv[occurrence.valueIndex]
        return occurrence.inline ? String(word.dropFirst(occurrence.name.count + 1)) : word
    }

    /// The value the parser keeps for a single-valued option: its last one.
    func lastValue(of name: String) -> String? {
        occurrences(of: [name]).last.map(value(at:))
    }

    /// Every value of a repeatable option, in order.
    func values(of name: String) -> [String] {
        occurrences(of: [name]).map(value(at:))
    }

    func has(_ name: String) -> Bool { !occurrences(of: [name]).isEmpty }

    /// Replaces the value of every occurrence of `names`.
    mutating func mapValues(of names: Set<String>, _ transform: (String) -> String) {
        for occurrence in occurrences(of: names) {
            let new = transform(value(at: occurrence))
            argv[occurrence.valueIndex] = occurrence.inline ? "\(occurrence.name)=\(new)" : new
        }
    }

    /// Sets the value of a single-valued option: its last occurrence's value is replaced (so the
    /// graph still reads as written), or the option is appended when it is absent.
    mutating func set(_ name: String, to value: String) {
        guard let last = occurrences(of: [name]).last else {
            argv += [name, value]
            return
        }
        argv[last.valueIndex] = last.inline ? "\(name)=\(value)" : value
    }

    /// Takes every occurrence of `names` out, values included.
    mutating func remove(_ names: Set<String>) {
        for occurrence in occurrences(of: names).reversed() {
            argv.removeSubrange(occurrence.index...occurrence.valueIndex)
        }
    }
}
