import ArgumentParser
import Foundation
import Logging
import SpeechCache
import StageOptions
import SwitchboardCore
import ToolSupport

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print the cache's entries, bytes and hit ratio.",
        discussion: """
            Hits and misses are the totals of every tts-cache that has used this cache (each \
            adds its counts when it ends).

            Exit status: 0 done, 64 bad usage, 69 the cache cannot be read (Redis unreachable), \
            78 bad configuration.

            Example:
              tts-cache stats --cache-dir /var/cache/switchboard/tts
            """)

    @OptionGroup var cache: SpeechCacheOptions
    @Flag(help: "Print the numbers as one JSON object.")
    var json = false
    @OptionGroup var log: LogOptions

    func run() async throws {
        let logger = log.makeLogger(label: "tts-cache")
        let resources = SharedResources()
        guard let store = try StageFailure.exitingOnFailure(logger: logger, { try cache.store(resources: resources, logger: logger) }) else {
            throw ValidationError("--cache off has no statistics")
        }
        let numbers: ClipStoreStatistics
        do { numbers = try await store.statistics() } catch {
            logger.error("cannot read \(store.kind) cache \(store.location): \(error)")
            try ExitStatus.unavailable.exit()
        }
        if json {
            var object: JSONObject = ["store": .string(store.kind), "location": .string(store.location), "entries": .int(numbers.entries),
                                      "bytes": .int(numbers.bytes), "hits": .int(numbers.hits), "misses": .int(numbers.misses)]
            if let ratio = numbers.hitRatio { object["hit_ratio"] = .double((ratio * 1000).rounded() / 1000) }
            try TextOutput.write(JSONWriter.string(.object(object)) + "\n")
            return
        }
        let ratio = numbers.hitRatio.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
        try TextOutput.write("""
            store      \(store.kind) \(store.location)
            entries    \(numbers.entries)
            bytes      \(numbers.bytes) (\(String(format: "%.1f", Double(numbers.bytes) / 1_048_576)) MiB)
            hits       \(numbers.hits)
            misses     \(numbers.misses)
            hit ratio  \(ratio)

            """)
    }
}
