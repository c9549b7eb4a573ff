import Logging
import Runtime
import StageOptions
import SwitchboardCore
import Synchronization

/// The call graph of every tenant, built once per process and shared by all of its calls.
///
/// A tenant's graph is its own `graph` or the shared one, with its options put into the nodes of
/// their tools (`TenantArguments`) and cloud engines without keys left out (`KeylessEngines`).
/// Every graph is built by the same `BuiltInStages`, so all tenants share one `SharedResources`:
/// one HTTP client, one breaker and limiter per engine, each script parsed once.
///
/// `buildAll()` at start builds them all, so that no call waits for a build and a bad tenant
/// stops the server before it answers; `graph(forTenant:)` then only looks one up.
public final class CallGraphs: Sendable {
    /// What a tenant runs: its graph as it will be built, and the engines left out of it.
    public struct Plan: Sendable, Equatable {
        /// nil: the shared graph, for calls without a (known) tenant.
        public var tenant: String?
        public var graph: GraphDescription
        public var dropped: [DroppedEngine]
    }

    /// Unknown tenant names warned about, remembered up to this many (callers choose the names).
    static let unknownTenantMemory = 100

    public let configuration: ServeConfiguration
    public let resources: SharedResources
    private let factory: BuiltInStages
    private let logger: Logger
    private let state = Mutex(State())

    private struct State {
        /// By tenant name; "" for the shared graph.
        var graphs: [String: CallGraph] = [:]
        var warnedTenants: Set<String> = []
        var warnedDrops: Set<String> = []
    }

    public init(configuration: ServeConfiguration, resources: SharedResources, logger: Logger) {
        self.configuration = configuration
        self.resources = resources
        self.factory = BuiltInStages(resources: resources, logger: logger)
        self.logger = logger
    }

    /// nil (the shared graph) first, then the tenants by name.
    public var tenants: [String?] { [nil] + configuration.tenants.keys.sorted() }

    /// What `tenant` runs (the shared graph for nil or an unknown name), without building it.
    public func plan(forTenant tenant: String?) throws(ServeConfigurationError) -> Plan {
        let overrides = tenant.flatMap { configuration.tenants[$0] }
        let name = overrides == nil ? nil : tenant
        let text = overrides?.graph ?? configuration.graph
        do {
            let written = try GraphDescription(parsing: text)
            let graph = TenantArguments.apply(overrides?.options ?? [:], to: written)
            let result = try KeylessEngines.leaveOut(of: graph, environment: resources.environment)
            return Plan(tenant: name, graph: result.graph, dropped: result.dropped)
        } catch {
            throw self.error("\(error)", tenant: name)
        }
    }

    /// The graph for a call of `tenant`, built on first use. An unknown tenant gets the shared
    /// graph, with a warning the first time its name is seen.
    public func graph(forTenant tenant: String?) throws(ServeConfigurationError) -> CallGraph {
        var known = tenant.flatMap { $0.isEmpty ? nil : $0 }
        if let name = known, configuration.tenants[name] == nil {
            warnUnknown(name)
            known = nil
        }
        return try state.withLock { (state) throws(ServeConfigurationError) -> CallGraph in
            if let built = state.graphs[known ?? ""] { return built }
            let built = try build(try plan(forTenant: known), warnedDrops: &state.warnedDrops)
            state.graphs[known ?? ""] = built
            return built
        }
    }

    /// Builds every tenant's graph now (the shared one first); returns what each runs.
    @discardableResult
    public func buildAll() throws(ServeConfigurationError) -> [Plan] {
        var plans: [Plan] = []
        for tenant in tenants {
            _ = try graph(forTenant: tenant)
            plans.append(try plan(forTenant: tenant))
        }
        return plans
    }

    /// Builds under the caller's lock: once per tenant and process, however many calls start
    /// at once. Each engine left out is logged once per process.
    private func build(_ plan: Plan, warnedDrops: inout Set<String>) throws(ServeConfigurationError) -> CallGraph {
        for drop in plan.dropped where warnedDrops.insert(drop.description).inserted {
            logger.warning("\(drop)")
        }
        do {
            return try CallGraph(plan.graph, factory: factory, stall: .milliseconds(configuration.limits.stallMs), logger: logger)
        } catch let failure as StageFailure {
            throw error(failure.message, tenant: plan.tenant)
        } catch {
            throw self.error("\(error)", tenant: plan.tenant)
        }
    }

    private func warnUnknown(_ tenant: String) {
        let first = state.withLock { state in
            guard state.warnedTenants.count < Self.unknownTenantMemory else { return false }
            return state.warnedTenants.insert(tenant).inserted
        }
        if first { logger.warning("unknown tenant \"\(tenant.prefix(64))\": its calls run the shared graph") }
    }

    /// A problem found building, placed at the tenant's entry (or the shared graph) in the file.
    private func error(_ message: String, tenant: String?) -> ServeConfigurationError {
        let line = tenant.flatMap { configuration.tenants[$0]?.line } ?? configuration.graphLine
        let prefix = tenant.map { "tenant \($0): " } ?? "graph: "
        return ServeConfigurationError(file: configuration.file ?? "configuration", line: line, message: prefix + message)
    }
}
