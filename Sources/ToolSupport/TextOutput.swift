import ArgumentParser
import SwitchboardCore
#if canImport(Glibc)
import Glibc
#endif

/// Text a subcommand prints (a grammar, a CSV, a table): written to stdout so that a reader
/// closing the pipe early (`| head -1`) ends the tool with status 0, as the stages do, instead
/// of being killed by SIGPIPE (status 141), as `print` would be.
public enum TextOutput {
    public static func write(_ text: String) throws {
        signal(SIGPIPE, SIG_IGN)
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { throw ExitCode.success }
                let message = "cannot write to stdout: \(String(cString: strerror(errno)))\n"
                _ = Glibc.write(2, message, message.utf8.count)
                throw ExitCode(Int32(ExitStatus.software.rawValue))
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
