import Foundation
import HummingbirdWebSocket
import Logging
import Runtime
import Synchronization
import SwitchboardCore
import Telephony

/// A call under way: its tenant's graph running as a ring (`Runtime/Call/Ring.swift`) between
/// the caller's messages and the socket, with its control (hang-up, transfer, idle), its
/// observer (recording, transcript, trace) and its entry in `/calls`.
final class LiveCall: Sendable {
    let id: String
    private let server: ServerContext
    private let ring: Ring
    private let outbound: WebSocketOutboundWriter
    private let playout = TwilioPlayout()
    private let observer: CallObserver
    private let control: CallControl
    private let sink: TwilioSocketSink
    private let registryKey: Int
    private let logger: Logger
    /// Where the next media payload starts when a message has no timestamp.
    private let nextMediaMs = Mutex(0)
    private let ended = Atomic(false)

    /// Builds the call's graph for its tenant (once per process per tenant) and admits it.
    init(server: ServerContext, start: TwilioStart, outbound: WebSocketOutboundWriter) throws {
        self.server = server
        self.outbound = outbound
        id = start.callSid.isEmpty ? start.streamSid : start.callSid
        let tenant = start.customParameters.first { $0.name == "tenant" }?.value
        var logger = server.logger
        logger[metadataKey: "call"] = "\(id)"
        self.logger = logger
        let graph = try server.graphs.graph(forTenant: tenant)
        ring = Ring(graph: graph, logger: logger)
        let identity = CallIdentity(id: id, tenant: tenant, startedAtMs: Int(Date().timeIntervalSince1970 * 1000))
        observer = CallObserver(call: identity, recordDirectory: server.configuration.recordDirectory,
            traceDirectory: server.configuration.traceDirectory, metrics: server.metrics, logger: logger)
        let inbound = ring.inbound
        control = CallControl(callSID: start.callSid, settings: server.configuration, playout: playout, calls: server.calls,
            afterStream: server.afterStream, counters: server.counters,
            hooks: .init(
                inject: { frame in try? await inbound.send(frame) },
                closeSocket: { reason in try? await outbound.close(.normalClosure, reason: reason) }),
            logger: logger)
        let registry = server.registry
        let nodes = graph.description.nodes.map { $0.alternatives.compactMap(\.first).joined(separator: " || ") }
        registryKey = registry.admit(CallRegistry.Entry(call: identity, nodes: nodes.map { .init(name: $0) }) {
            Task { try? await outbound.close(.goingAway, reason: "switchboard is shutting down") }
        })
        let key = registryKey
        sink = TwilioSocketSink(outbound: outbound, streamSid: start.streamSid, playout: playout, observer: observer, control: control) { event in
            switch event.type {
            case "response.start":
                if let turn = event["turn"]?.int { registry.update(key) { $0.turn = turn } }
            case "error" where event["fatal"]?.bool == true:
                let stage = event["stage"]?.string ?? "?"
                registry.update(key) { entry in
                    if let index = entry.nodes.firstIndex(where: { $0.name.hasPrefix(stage) && $0.state == "running" }) {
                        entry.nodes[index].state = "failed: \(event["message"]?.string ?? "")"
                    }
                }
            default: break
            }
        }
        server.counters.callsStarted.increment()
        server.counters.activeCalls.record(server.registry.count)
        logger.info("call started (tenant \(tenant ?? "default"))")
    }

    /// A message from Twilio, into the graph.
    func receive(_ message: TwilioInbound) async {
        switch message {
        case .media(var media):
            guard media.track == "inbound" || media.track == "inbound_track" else { return }
            let ts = nextMediaMs.withLock { next in
                let ts = media.timestamp ?? next
                next = ts + media.payload.count / 8
                return ts
            }
            media.timestamp = ts
            observer.callerAudio(media.payload, mediaMs: ts)
            await send(TwilioInbound.frame(for: .media(media)))
        case .mark(let name, _):
            playout.echoed(mark: name)
            if playout.isQuiet { control.agentActive() }
            await send(TwilioInbound.frame(for: message))
        default:
            await send(TwilioInbound.frame(for: message))
        }
    }

    private func send(_ frame: Frame?) async {
        guard let frame else { return }
        if case .event = frame { observer.entering(frame) }
        // A graph that has ended takes nothing more: the message is dropped.
        try? await ring.inbound.send(frame)
    }

    /// Runs the call until it is cancelled (the caller went) or its graph fails.
    func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [self] in
                do {
                    try await ring.run(telephone: sink)
                } catch is CancellationError {
                    return
                } catch {
                    guard !Task.isCancelled else { return }
                    server.counters.graphFailures.increment()
                    logger.error("the call's graph failed: \(error)")
                }
                try? await outbound.close(.unexpectedServerError, reason: "the call's graph ended")
            }
            group.addTask { [control] in await control.run() }
            await group.next()
            group.cancelAll()
        }
    }

    /// The call is over: its files are closed and it leaves `/calls`. Once.
    func close() async {
        guard !ended.exchange(true, ordering: .relaxed) else { return }
        ring.inbound.close()
        await observer.close()
        server.registry.remove(registryKey)
        server.counters.callsEnded.increment()
        server.counters.activeCalls.record(server.registry.count)
        logger.info("call ended")
    }
}
