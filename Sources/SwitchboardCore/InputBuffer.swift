import Foundation

/// Bytes received but not yet consumed, and the stream offset of the first of them.
///
/// Consumed bytes are dropped lazily (only once they make up half the storage), so appending
/// and consuming are both amortised O(1) per byte.
struct InputBuffer {
    private(set) var storage: [UInt8] = []
    private(set) var readIndex = 0
    /// Offset, in the whole input stream, of `storage[readIndex]`.
    private(set) var streamOffset = 0

    var readableCount: Int { storage.count - readIndex }

    mutating func append(_ bytes: some Sequence<UInt8>) {
        if readIndex > 4096, readIndex * 2 >= storage.count {
            storage.removeSubrange(0..<readIndex)
            readIndex = 0
        }
        storage.append(contentsOf: bytes)
    }

    /// Index (relative to the readable start) of the first `byte` at or after `from`.
    func firstIndex(of byte: UInt8, from: Int) -> Int? {
        storage.withUnsafeBytes { buffer in
            let start = readIndex + from
            guard start < buffer.count, let base = buffer.baseAddress,
                let found = memchr(base + start, Int32(byte), buffer.count - start)
            else { return nil }
            return base.distance(to: UnsafeRawPointer(found)) - readIndex
        }
    }

    /// Runs `body` over the next `count` readable bytes without consuming them.
    func withReadable<R>(_ count: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[readIndex..<readIndex + count]))
        }
    }

    mutating func read(_ count: Int) -> [UInt8] {
        let bytes = Array(storage[readIndex..<readIndex + count])
        skip(count)
        return bytes
    }

    mutating func skip(_ count: Int) {
        readIndex += count
        streamOffset += count
        if readIndex == storage.count {
            storage.removeAll(keepingCapacity: true)
            readIndex = 0
        }
    }
}
