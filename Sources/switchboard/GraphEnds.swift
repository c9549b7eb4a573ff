import Logging
import Runtime
import StageOptions
import Stdio
import SwitchboardCore
import ToolSupport

/// The outside ends of a graph run over stdin and stdout: a graph that starts with
/// `mulaw-decode` reads what its input options name, one that ends with `mulaw-encode` writes
/// what its output options name, exactly as the tools themselves would; other graphs read
/// and write frames.
struct GraphEnds {
    let first: [String]
    let last: [String]

    init(_ description: GraphDescription) {
        first = description.nodes.first?.alternatives.first ?? []
        last = description.nodes.last?.alternatives.first ?? []
    }

    func source() throws -> (source: CallerSource, realtime: Bool) {
        guard first.first == MuLawDecodeOptions.toolName, let options = try StageCatalog.parse(first) as? MuLawDecodeOptions else {
            return (try CallerSource.stdin(format: .frames, stage: first.first ?? "switchboard"), false)
        }
        return (try CallerSource.open(options, stage: MuLawDecodeOptions.toolName), options.realtime)
    }

    func destination(encoding: FrameEncoding, logger: Logger) throws -> CallDestination {
        guard last.first == MuLawEncodeOptions.toolName, let options = try StageCatalog.parse(last) as? MuLawEncodeOptions else {
            return .frames(FrameWriter(fileDescriptor: 1, encoding: encoding))
        }
        return try CallDestination.open(options, encoding: encoding, logger: logger)
    }
}
