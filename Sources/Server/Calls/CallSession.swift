import Synchronization
import HummingbirdWebSocket
import Logging
import NIOCore
import Runtime
import SwitchboardCore
import Telephony

/// One Media Streams socket, from its upgrade to its close.
///
/// Until `start` comes it only waits (for at most `startTimeoutSeconds`); `start` names the
/// tenant, whose graph then runs as a `LiveCall`. Every message after it goes into the call's
/// graph; malformed ones are logged, counted and skipped. When the caller goes (`stop`, or the
/// socket closes without one) the call is cancelled at once: every node, timer and provider
/// request of it ends, and its files are closed.
struct CallSession {
    let server: ServerContext

    /// The largest text message taken: a Twilio media message is a few hundred bytes.
    static let maxMessageBytes = 64 * 1024

    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async {
        let counters = server.counters
        do { try server.registry.reserve() } catch {
            counters.refused(error)
            try? await outbound.close(.unexpectedServerError, reason: "switchboard is \(error.rawValue)")
            return
        }
        var call: LiveCall?
        var reserved = true
        await withTaskGroup(of: Void.self) { group in
            let started = StartWatch()
            group.addTask {
                try? await Task.sleep(for: .seconds(server.configuration.limits.startTimeoutSeconds))
                guard !Task.isCancelled, !started.happened else { return }
                counters.badMessage("no_start")
                server.logger.warning("a Media Streams socket sent no start within \(server.configuration.limits.startTimeoutSeconds) s: closed")
                try? await outbound.close(.policyViolation, reason: "no start message")
            }
            do {
                messages: for try await message in inbound.messages(maxSize: Self.maxMessageBytes) {
                    guard let parsed = parse(message) else { continue }
                    if let call {
                        await call.receive(parsed)
                        if case .stop = parsed { break messages }
                        continue
                    }
                    switch parsed {
                    case .connected: continue
                    case .start(let start):
                        started.happened = true
                        let live: LiveCall
                        do { live = try LiveCall(server: server, start: start, outbound: outbound) } catch {
                            server.logger.error("cannot start call \(start.callSid): \(error)")
                            try? await outbound.close(.unexpectedServerError, reason: "cannot start the call")
                            break messages
                        }
                        reserved = false
                        call = live
                        await live.receive(parsed)
                        group.addTask { await live.run() }
                    case .stop:
                        break messages
                    default:
                        counters.badMessage("\(parsed.event)_before_start")
                        server.logger.warning("Twilio \(parsed.event) message before start: skipped")
                    }
                }
            } catch {
                counters.badMessage("socket")
                server.logger.info("Media Streams socket ended: \(error)", metadata: call.map { ["call": "\($0.id)"] } ?? [:])
            }
            // The caller has gone (or the socket did): everything of the call ends now.
            group.cancelAll()
        }
        if reserved { server.registry.release() }
        await call?.close()
    }

    /// The socket message as a Twilio message, or nil (counted and logged) when it is not one.
    private func parse(_ message: WebSocketMessage) -> TwilioInbound? {
        switch message {
        case .binary:
            server.counters.badMessage("binary")
            server.logger.warning("binary message on a Media Streams socket: skipped")
            return nil
        case .text(let text):
            do { return try TwilioInbound(json: Array(text.utf8)) } catch {
                server.counters.badMessage(error.description.hasPrefix("unknown Twilio event") ? "unknown_event" : "bad_json")
                server.logger.warning("\(error.description): skipped")
                return nil
            }
        }
    }
}

/// Set once `start` has come; read by the socket's start timer.
private final class StartWatch: Sendable {
    private let flag = Atomic(false)
    var happened: Bool {
        get { flag.load(ordering: .relaxed) }
        set { flag.store(newValue, ordering: .relaxed) }
    }
}
