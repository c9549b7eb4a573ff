import Foundation
import Synchronization
import SwitchboardCore

/// The process's live calls: admission (`--max-calls`, draining), what `/calls` shows, and a
/// way to end them all when a drain runs out of time.
public final class CallRegistry: Sendable {
    /// Why a call was not admitted.
    public enum Refusal: String, Sendable, Error {
        case atCapacity = "at capacity"
        case draining = "shutting down"
    }

    /// One live call as `/calls` shows it.
    public struct Entry: Sendable {
        public var call: CallIdentity
        public var turn = 0
        /// The graph's nodes and what each is doing.
        public var nodes: [Node] = []
        /// Ends the call: its socket is closed and every node cancelled.
        let end: @Sendable () -> Void
    }

    /// A node of a live call's graph: `running`, or `failed: …` once it gave up.
    public struct Node: Sendable {
        public var name: String
        public var state = "running"
        public init(name: String) { self.name = name }
    }

    private struct State {
        var calls: [Int: Entry] = [:]
        /// Admitted sockets whose `start` has not come yet: they hold a place too.
        var reserved = 0
        var draining = false
        var nextKey = 0
    }

    public let maxCalls: Int
    private let state = Mutex(State())

    public init(maxCalls: Int) { self.maxCalls = maxCalls }

    /// Calls admitted and not yet ended (started or waiting for their `start`).
    public var count: Int { state.withLock { $0.calls.count + $0.reserved } }
    public var isDraining: Bool { state.withLock { $0.draining } }

    /// Whether a new call could be admitted now (for `/twiml`, which answers before the socket).
    public func refusal() -> Refusal? {
        state.withLock { state in
            if state.draining { return .draining }
            return state.calls.count + state.reserved >= maxCalls ? .atCapacity : nil
        }
    }

    /// Holds a place for a socket until its `start` comes (`admit`) or it goes (`release`).
    public func reserve() throws(Refusal) {
        let refusal: Refusal? = state.withLock { state in
            if state.draining { return .draining }
            if state.calls.count + state.reserved >= maxCalls { return .atCapacity }
            state.reserved += 1
            return nil
        }
        if let refusal { throw refusal }
    }

    /// A reserved socket gave up before its `start`.
    public func release() { state.withLock { $0.reserved -= 1 } }

    /// A reserved socket's call started; the key removes it.
    public func admit(_ entry: Entry) -> Int {
        state.withLock { state in
            state.reserved -= 1
            state.nextKey += 1
            state.calls[state.nextKey] = entry
            return state.nextKey
        }
    }

    public func update(_ key: Int, _ change: (inout Entry) -> Void) {
        state.withLock { state in
            if var entry = state.calls[key] {
                change(&entry)
                state.calls[key] = entry
            }
        }
    }

    public func remove(_ key: Int) { _ = state.withLock { $0.calls.removeValue(forKey: key) } }

    /// Live calls, oldest first.
    public var entries: [Entry] { state.withLock { $0.calls.sorted { $0.key < $1.key }.map(\.value) } }

    /// From now on no call is admitted.
    public func startDraining() { state.withLock { $0.draining = true } }

    /// Ends every live call (a drain that ran out of time).
    public func endAll() {
        for entry in entries { entry.end() }
    }

    /// `/calls`: the live calls as JSON.
    public var json: JSON {
        .array(entries.map { entry in
            var object: JSONObject = [
                "id": .string(entry.call.id), "started": .int(entry.call.startedAtMs),
                "turn": .int(entry.turn), "nodes": .array(entry.nodes.map { .object(["name": .string($0.name), "state": .string($0.state)]) }),
            ]
            object["tenant"] = entry.call.tenant.map { .string($0) } ?? .null
            return .object(object)
        })
    }
}
