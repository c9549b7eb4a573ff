import Foundation

/// The blocking file work of the directory store, done on a thread-pool thread: one file per
/// clip at `<root>/<first two hex digits>/<key>.clip`, written to a temporary name and renamed
/// into place, so a reader in this or any other process sees the old file, the new one, or
/// none — never half of one.
struct ClipDirectory: Sendable {
    let root: String

    func path(of key: ClipKey) -> String {
        "\(root)/\(key.hex.prefix(2))/\(key.hex).clip"
    }

    /// The file's bytes, or nil when there is none. A hit older than `touchAfter` has its
    /// modification time set to now: that time is the least-recently-used order of eviction,
    /// refreshed at most once a minute per entry so that hot entries cost no write per hit.
    func read(_ key: ClipKey, touchAfter seconds: Int = 60) -> [UInt8]? {
        let fd = open(path(of: key), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return [] }
        let size = Int(info.st_size)
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let got = Foundation.read(fd, buffer.baseAddress! + done, size - done)
                if got <= 0 { break }
                done += got
            }
            count = done
        }
        if time(nil) - info.st_mtim.tv_sec > seconds { futimens(fd, nil) }
        return bytes
    }

    /// Writes `bytes` under `key` atomically; returns false (with errno left set) on failure.
    func write(_ bytes: [UInt8], as key: ClipKey) -> Bool {
        let final = path(of: key)
        let folder = "\(root)/\(key.hex.prefix(2))"
        if access(folder, F_OK) != 0 { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        // Unique per process and write: two processes saving the same key at once each
        // rename a whole file of their own into place; the last rename wins.
        let temporary = "\(folder)/.\(key.hex).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count, rename(temporary, final) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    func remove(_ key: ClipKey) { unlink(path(of: key)) }

    /// Every entry with its size and last use, oldest first.
    func entries() -> [(path: String, bytes: Int, used: Int)] {
        var found: [(path: String, bytes: Int, used: Int)] = []
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for folder in folders where folder.utf8.count == 2 {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/\(folder)")) ?? [] where name.hasSuffix(".clip") {
                let path = "\(root)/\(folder)/\(name)"
                var info = stat()
                if stat(path, &info) == 0 { found.append((path, Int(info.st_size), info.st_mtim.tv_sec)) }
            }
        }
        return found.sorted { $0.used < $1.used }
    }

    /// Deletes the least recently used entries until the directory holds at most `target`
    /// bytes; returns the bytes left.
    func evict(downTo target: Int) -> Int {
        let all = entries()
        var total = all.reduce(0) { $0 + $1.bytes }
        for entry in all where total > target {
            if unlink(entry.path) == 0 || errno == ENOENT { total -= entry.bytes }
        }
        return total
    }

    /// Adds to the hit and miss totals in `<root>/stats`, under an exclusive lock so that
    /// processes sharing the directory add up rather than overwrite each other.
    func addCounts(hits: Int, misses: Int) {
        withLockedStats { old in (old.hits + hits, old.misses + misses) }
    }

    func counts() -> (hits: Int, misses: Int) {
        var result = (hits: 0, misses: 0)
        withLockedStats { old in
            result = old
            return old
        }
        return result
    }

    private func withLockedStats(_ change: ((hits: Int, misses: Int)) -> (hits: Int, misses: Int)) {
        let fd = open("\(root)/stats", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { return }
        defer { flock(fd, LOCK_UN) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let got = max(0, pread(fd, &buffer, buffer.count, 0))
        let numbers = String(decoding: buffer.prefix(got), as: UTF8.self).split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        let old = (hits: numbers.first ?? 0, misses: numbers.dropFirst().first ?? 0)
        let new = change(old)
        guard new != old else { return }
        let text = Array("hits \(new.hits)\nmisses \(new.misses)\n".utf8)
        ftruncate(fd, 0)
        _ = pwrite(fd, text, text.count, 0)
    }
}
