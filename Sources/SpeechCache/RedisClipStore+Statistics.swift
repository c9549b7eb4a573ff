extension RedisClipStore {
    /// Entries and their bytes counted with `SCAN` over the prefix and a pipelined `STRLEN` per
    /// page: the bytes are those of the sealed clips, as a directory store counts its files
    /// (`MEMORY USAGE` would add Redis's own overhead, and only estimate it). Runs on the
    /// store's thread and holds up lookups meanwhile: it is for `tts-cache stats`, not calls.
    public func statistics() async throws -> ClipStoreStatistics {
        let prefix = configuration.keyPrefix
        let counters = [hitsKey, missesKey]
        let result = await thread.session { connection -> Result<ClipStoreStatistics, RedisError> in
            guard let connection else { return .failure(.unavailable) }
            return Result { () throws(RedisError) in try Self.count(prefix: prefix, counters: counters, on: connection) }
        }
        guard let result else { throw RedisClipStoreError.unavailable(location) }
        do { return try result.get() } catch { throw RedisClipStoreError.failed(location, error.description) }
    }

    fileprivate static func count(prefix: String, counters: [String], on connection: RedisConnection) throws(RedisError)
        -> ClipStoreStatistics {
        let prefixBytes = Array(prefix.utf8)
        var statistics = ClipStoreStatistics(entries: 0, bytes: 0, hits: 0, misses: 0)
        var cursor = "0"
        repeat {
            let reply = try connection.send(RedisCommand("SCAN", cursor, "MATCH", globEscaped(prefix) + "*", "COUNT", "1000"))
            guard case .array(let parts) = reply, parts.count == 2, case .string(let next) = parts[0],
                case .array(let names) = parts[1]
            else { throw .unexpectedReply("SCAN") }
            // Only `<prefix><64 hex digits>`: not the counters, nor anything else sharing the prefix.
            let clips = names.compactMap { name -> [UInt8]? in
                guard case .string(let bytes) = name, bytes.starts(with: prefixBytes),
                    ClipKey(hex: String(decoding: bytes.dropFirst(prefixBytes.count), as: UTF8.self)) != nil
                else { return nil }
                return bytes
            }
            for length in try connection.pipeline(clips.map { RedisCommand(arguments: [Array("STRLEN".utf8), $0]) }) {
                // 0: expired since the SCAN.
                guard case .integer(let bytes) = length, bytes > 0 else { continue }
                statistics.entries += 1
                statistics.bytes += bytes
            }
            cursor = String(decoding: next, as: UTF8.self)
        } while cursor != "0"
        let totals = try connection.pipeline(counters.map { RedisCommand("GET", $0) })
        guard totals.count == 2, let hits = totals[0].count, let misses = totals[1].count else {
            throw .unexpectedReply("GET of the hit and miss totals")
        }
        statistics.hits = hits
        statistics.misses = misses
        return statistics
    }

    /// `text` matched literally by `SCAN … MATCH` (a prefix may hold `*`, `?`, `[`).
    static func globEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "*?[]\\".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}

/// Why `statistics()` has no answer (lookups and saves never throw).
public enum RedisClipStoreError: Error, Equatable, CustomStringConvertible {
    /// Down, shut down, or too busy; carries the location.
    case unavailable(String)
    case failed(String, String)

    public var description: String {
        switch self {
        case .unavailable(let location): "Redis at \(location) is unavailable"
        case .failed(let location, let reason): "Redis at \(location): \(reason)"
        }
    }
}
