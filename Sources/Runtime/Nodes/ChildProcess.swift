#if canImport(Glibc)
import Glibc
#endif
import SwitchboardCore

/// A started command whose stdin, stdout and stderr are pipes held by this process.
///
/// Started with `posix_spawnp` (no fork of a large multithreaded process); the pipes are
/// close-on-exec here, so no other child inherits them. Reaping polls `waitpid` without
/// blocking: a blocking wait would hold one of the cooperative pool's few threads.
struct ChildProcess: Sendable {
    let pid: pid_t
    /// Write end of the child's stdin.
    let stdin: Int32
    /// Read end of the child's stdout.
    let stdout: Int32
    /// Read end of the child's stderr.
    let stderr: Int32

    /// How a child ended.
    enum Ending: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        var description: String {
            switch self {
            case .exited(let status): "exited with status \(status)"
            case .signalled(let signal): "was killed by signal \(signal)"
            }
        }
    }

    static func spawn(_ argv: [String]) throws -> ChildProcess {
        precondition(!argv.isEmpty)
        let input = try makePipe(), output = try makePipe(), errors = try makePipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input.read, 0)
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errors.write, 2)

        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, argv[0], &actions, nil, &cArguments, environ)
        for fd in [input.read, output.write, errors.write] { close(fd) }
        guard result == 0 else {
            for fd in [input.write, output.read, errors.read] { close(fd) }
            throw StageFailure(.unavailable, "cannot start \(argv[0]): \(String(cString: strerror(result)))")
        }
        return ChildProcess(pid: pid, stdin: input.write, stdout: output.read, stderr: errors.read)
    }

    /// Asks the child to stop.
    func terminate() { kill(pid, SIGTERM) }

    /// Waits for the child to end, polling: 1 ms at first, backing off to 50 ms. Once the
    /// waiting task is cancelled, a child still there after `killAfter` is killed.
    func ending(killAfter: Duration = .seconds(2)) async -> Ending {
        var pause = 1
        var cancelledAt: ContinuousClock.Instant?
        while true {
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                let signal = status & 0x7F
                return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
            }
            if reaped < 0, errno != EINTR { return .exited(-1) }
            // Not cut short by cancellation: a child is always reaped, or it stays a zombie.
            let wait = Duration.milliseconds(pause)
            if Task.isCancelled {
                let since = cancelledAt ?? .now
                cancelledAt = since
                if ContinuousClock.now - since > killAfter { kill(pid, SIGKILL) }
                await Task.detached { try? await Task.sleep(for: wait) }.value
            } else {
                try? await Task.sleep(for: wait)
            }
            pause = min(pause * 2, 50)
        }
    }

    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            throw StageFailure(.software, "cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        // (pipe2 with O_CLOEXEC is not exported to Swift here.)
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }
}
