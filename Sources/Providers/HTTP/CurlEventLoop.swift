import CCurl
import Foundation
import Synchronization

/// One thread driving a curl multi handle: every transfer of a client runs here, so thousands
/// of long-lived streams need one thread, not one each.
///
/// It uses curl's socket interface with epoll: curl says which sockets it cares about, epoll
/// says which are ready, and each wake-up costs in proportion to the sockets that are active,
/// not to all open streams (with `curl_multi_poll`, a quarter of the time of 1,000 streams
/// went to polling every socket on every event). Other threads talk to the loop only through
/// `submit`, which queues a command and wakes it through an eventfd.
final class CurlEventLoop: @unchecked Sendable {
    enum Command {
        case add(CurlTransfer)
        case abort(CurlTransfer, any Error)
        case resume(CurlTransfer)
        /// Fails every transfer, frees the handles and ends the thread.
        case shutdown
    }

    private let multi: UnsafeMutableRawPointer
    private let epoll: Int32
    private let wakeFD: Int32
    private let lock = NSLock()
    private var commands: [Command] = []  // guarded by `lock`
    // Loop-thread state:
    private var transfers: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    /// `transfers.count`, readable from any thread.
    let activeTransfers = Atomic<Int>(0)
    /// When curl wants `socket_action(CURL_SOCKET_TIMEOUT)` next; nil when it has no timer.
    fileprivate var curlDeadline: ContinuousClock.Instant?
    private var nextStallCheck = ContinuousClock.now

    /// Longest sleep, and how often stalls are checked.
    private static let tick = Duration.milliseconds(50)

    init() {
        CurlGlobal.initialize()
        multi = curl_multi_init()
        epoll = sb_epoll_create()
        wakeFD = sb_eventfd_create()
        sb_epoll_watch(epoll, wakeFD, 1, 0)
        let me = Unmanaged.passUnretained(self).toOpaque()
        sb_multi_setopt_socket_function(multi, curlSocket)
        sb_multi_setopt_pointer(multi, CURLMOPT_SOCKETDATA, me)
        sb_multi_setopt_timer_function(multi, curlTimer)
        sb_multi_setopt_pointer(multi, CURLMOPT_TIMERDATA, me)
        let thread = Thread { [self] in run() }
        thread.name = "switchboard.curl"
        thread.start()
    }

    func submit(_ command: Command) {
        lock.withLock { commands.append(command) }
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    private func run() {
        var running: Int32 = 0
        var readyFDs = [Int32](repeating: 0, count: 256)
        var readyFlags = [Int32](repeating: 0, count: 256)
        while true {
            var drained: UInt64 = 0
            _ = read(wakeFD, &drained, 8)
            for command in lock.withLock({ () -> [Command] in defer { commands = [] }; return commands }) {
                if case .shutdown = command {
                    shutdown()
                    return
                }
                execute(command)
            }
            let now = ContinuousClock.now
            if let deadline = curlDeadline, deadline <= now {
                curlDeadline = nil
                curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &running)
            }
            collectFinished()
            // Once a tick, not on every wake-up: the check walks every transfer.
            if now >= nextStallCheck {
                nextStallCheck = now + Self.tick
                checkStalls()
            }

            let wait = min(Self.tick, curlDeadline.map { max(.zero, $0 - .now) } ?? Self.tick)
            let ready = sb_epoll_wait(epoll, &readyFDs, &readyFlags, Int32(readyFDs.count), Int32(wait.wholeMilliseconds))
            for i in 0..<Int(max(0, ready)) where readyFDs[i] != wakeFD {
                curl_multi_socket_action(multi, readyFDs[i], readyFlags[i], &running)
            }
            collectFinished()
        }
    }

    private func execute(_ command: Command) {
        switch command {
        case .add(let transfer):
            let code = curl_multi_add_handle(multi, transfer.easy)
            guard code == CURLM_OK else {
                transfer.fail(HTTPClientError.invalidRequest(String(cString: curl_multi_strerror(code))))
                transfer.release()
                return
            }
            transfers[transfer.easy] = transfer
            activeTransfers.add(1, ordering: .relaxed)
        case .abort(let transfer, let error):
            guard transfers[transfer.easy] === transfer else { return }  // already finished
            finish(transfer) { $0.fail(error) }
        case .resume(let transfer):
            guard transfers[transfer.easy] === transfer, transfer.paused else { return }
            transfer.resumed()
            curl_easy_pause(transfer.easy, CURLPAUSE_CONT)
        case .shutdown:
            break  // handled in `run`
        }
    }

    /// Called by curl (through `curlSocket`) when it wants to hear about a socket, or no more.
    fileprivate func watch(_ socket: Int32, what: Int32) {
        if what == CURL_POLL_REMOVE {
            sb_epoll_unwatch(epoll, socket)
        } else {
            sb_epoll_watch(epoll, socket, what & CURL_POLL_IN, what & CURL_POLL_OUT)
        }
    }

    private func collectFinished() {
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                let transfer = transfers[easy]
            else { continue }
            let code = sb_msg_result(message)
            finish(transfer) { $0.complete(code) }
        }
    }

    /// Gives up on transfers that received nothing for longer than their stall limit. A
    /// transfer paused because its reader is slow is waiting on us, not stalled.
    private func checkStalls() {
        let now = ContinuousClock.now
        for transfer in transfers.values {
            guard let limit = transfer.stallLimit, !transfer.paused, now - transfer.lastActivity > limit else { continue }
            finish(transfer) { $0.fail(HTTPClientError.stalled(limit)) }
        }
    }

    private func finish(_ transfer: CurlTransfer, _ outcome: (CurlTransfer) -> Void) {
        transfers[transfer.easy] = nil
        activeTransfers.subtract(1, ordering: .relaxed)
        curl_multi_remove_handle(multi, transfer.easy)
        outcome(transfer)
        transfer.release()
    }

    private func shutdown() {
        for transfer in transfers.values { finish(transfer) { $0.fail(CancellationError()) } }
        curl_multi_cleanup(multi)
        close(epoll)
        close(wakeFD)
    }
}

private let curlSocket: curl_socket_callback = { _, socket, what, userdata, _ in
    guard let userdata else { return 0 }
    Unmanaged<CurlEventLoop>.fromOpaque(userdata).takeUnretainedValue().watch(socket, what: what)
    return 0
}

private let curlTimer: curl_multi_timer_callback = { _, milliseconds, userdata in
    guard let userdata else { return 0 }
    let loop = Unmanaged<CurlEventLoop>.fromOpaque(userdata).takeUnretainedValue()
    // -1: no timer; 0: act at once (the loop runs `socket_action` on its next turn).
    loop.curlDeadline = milliseconds < 0 ? nil : .now + .milliseconds(milliseconds)
    return 0
}
