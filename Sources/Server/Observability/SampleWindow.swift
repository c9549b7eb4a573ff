/// One channel's µ-law samples from the recording's write position onward: what has been
/// placed but not yet handed to the file. Unplaced samples are silence (0xFF, µ-law zero).
///
/// Samples leave from the front as the recording is written; a head index instead of
/// `removeFirst` keeps that from moving the whole queued tail (an agent's answer can be tens of
/// seconds ahead of the write position) every quarter of a second.
struct SampleWindow {
    static let silence: UInt8 = 0xFF

    private var bytes: [UInt8] = []
    private var head = 0

    /// Samples held, from the write position.
    var count: Int { bytes.count - head }

    subscript(index: Int) -> UInt8 { bytes[head + index] }

    /// Places `samples` starting `offset` samples after the write position, padding any gap
    /// before them with silence; overwrites what was there.
    mutating func place(_ samples: ArraySlice<UInt8>, at offset: Int) {
        let end = offset + samples.count
        if end > count { bytes.append(contentsOf: repeatElement(Self.silence, count: end - count)) }
        let from = head + offset
        bytes.withUnsafeMutableBufferPointer { out in
            samples.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                (out.baseAddress! + from).update(from: base, count: source.count)
            }
        }
    }

    /// Forgets everything from `length` samples after the write position on.
    mutating func truncate(to length: Int) {
        guard length < count else { return }
        bytes.removeSubrange((head + max(length, 0))...)
    }

    /// The first `n` samples (silence past the end), removed.
    mutating func take(_ n: Int) -> [UInt8] {
        let available = min(n, count)
        var taken = Array(bytes[head..<(head + available)])
        if available < n { taken.append(contentsOf: repeatElement(Self.silence, count: n - available)) }
        head += available
        if head >= 4096, head * 2 >= bytes.count {
            bytes.removeSubrange(0..<head)
            head = 0
        }
        return taken
    }

    /// Bytes of memory held (capacity, not just the samples queued): what the memory tests watch.
    var heldBytes: Int { bytes.capacity }
}
