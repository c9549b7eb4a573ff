import CCurl
import Foundation

/// One thread driving a curl multi handle: every transfer of a client runs here, so thousands
/// of long-lived streams need one thread, not one each.
///
/// Other threads talk to it only through `submit`, which queues a command and wakes the
/// thread from `curl_multi_poll`.
final class CurlEventLoop: @unchecked Sendable {
    enum Command {
        case add(CurlTransfer)
        case abort(CurlTransfer, any Error)
        case resume(CurlTransfer)
        /// Fails every transfer, frees the multi handle and ends the thread.
        case shutdown
    }

    private let multi: UnsafeMutableRawPointer
    private let lock = NSLock()
    private var commands: [Command] = []  // guarded by `lock`
    // Loop-thread state:
    private var transfers: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    /// Longest sleep in `curl_multi_poll`; also how often stalls are checked.
    private static let tick = 50

    init() {
        CurlGlobal.initialize()
        multi = curl_multi_init()
        let thread = Thread { [self] in run() }
        thread.name = "switchboard.curl"
        thread.start()
    }


    func submit(_ command: Command) {
        lock.withLock { commands.append(command) }
        curl_multi_wakeup(multi)
    }

    private func run() {
        var running: Int32 = 0
        while true {
            for command in lock.withLock({ () -> [Command] in defer { commands = [] }; return commands }) {
                if case .shutdown = command {
                    for transfer in transfers.values { finish(transfer) { $0.fail(CancellationError()) } }
                    curl_multi_cleanup(multi)
                    return
                }
                execute(command)
            }
            curl_multi_perform(multi, &running)
            collectFinished()
            checkStalls()
            var ready: Int32 = 0
            curl_multi_poll(multi, nil, 0, Int32(Self.tick), &ready)
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
        curl_multi_remove_handle(multi, transfer.easy)
        outcome(transfer)
        transfer.release()
    }
}
