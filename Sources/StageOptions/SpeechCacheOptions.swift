import ArgumentParser
import Foundation
import Logging
import SpeechCache
import SwitchboardCore

/// Where `tts-cache` keeps clips: a directory (default), Redis, or nowhere.
public struct SpeechCacheOptions: ParsableArguments, Sendable {
    public enum Kind: String, ExpressibleByArgument, CaseIterable, Sendable {
        case dir, redis, off
    }

    @Option(help: ArgumentHelp("The cache: dir (a directory), redis (shared by many machines) or off.", valueName: "dir|redis|off"))
    var cache = Kind.dir

    @Option(help: ArgumentHelp("The cache directory (default: $XDG_CACHE_HOME/switchboard/tts).", valueName: "dir"), completion: .directory)
    var cacheDir: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Size cap of the cache directory; the least recently used clips go first.", valueName: "MiB"))
    var cacheMaxMb = 512

    @Option(help: ArgumentHelp("The Redis server of --cache redis.", valueName: "redis://[:password@]host[:port][/db]"))
    var redisURL = "redis://127.0.0.1:6379"

    @Option(parsing: .unconditional, help: ArgumentHelp("How long a clip stays in Redis.", valueName: "s"))
    var redisTtlS = 86_400

    public init() {}

    public func validate() throws {
        guard cacheMaxMb > 0 else { throw ValidationError("--cache-max-mb must be positive, not \(cacheMaxMb)") }
        guard redisTtlS > 0 else { throw ValidationError("--redis-ttl-s must be positive, not \(redisTtlS)") }
    }

    /// The store, built once per process per location; nil for `--cache off`. A directory that
    /// cannot be created or written, or a bad Redis URL, is a configuration error (78).
    public func store(resources: SharedResources, logger: Logger) throws -> (any ClipStore)? {
        switch cache {
        case .off: return nil
        case .dir:
            let directory = cacheDir ?? DirectoryClipStore.defaultDirectory(environment: resources.environment)
            return try resources.clipStore("dir \(directory)") {
                try DirectoryClipStore(directory: directory, maxBytes: cacheMaxMb << 20, logger: logger)
            }
        case .redis:
            return try resources.clipStore("redis \(redisURL)") {
                var configuration = RedisClipStore.Configuration()
                configuration.timeToLive = .seconds(redisTtlS)
                return try RedisClipStore(url: redisURL, configuration: configuration, logger: logger)
            }
        }
    }
}
