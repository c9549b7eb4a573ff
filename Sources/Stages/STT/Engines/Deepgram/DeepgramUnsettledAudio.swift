/// The audio sent on the socket that no final result has settled yet, by utterance: what a
/// new socket must hear again after the old one dropped, so that no caller word is lost.
struct DeepgramUnsettledAudio {
    struct Piece {
        var utterance: Int
        var chunk: AudioChunk
        var endMs: Int { chunk.ts + chunk.durationMs }
    }

    /// A caller who talks on for longer than this without Deepgram settling anything is an
    /// unusual call; beyond it the oldest audio is forgotten rather than memory growing.
    let limitMs: Int
    private(set) var pieces: [Piece] = []
    private var heldMs = 0

    init(limitMs: Int) { self.limitMs = limitMs }

    mutating func append(_ chunk: AudioChunk, utterance: Int) {
        pieces.append(Piece(utterance: utterance, chunk: chunk))
        heldMs += chunk.durationMs
        while heldMs > limitMs, pieces.count > 1 { heldMs -= pieces.removeFirst().chunk.durationMs }
    }

    /// A final result covers the call audio up to `callMs`: what lies before it is settled
    /// (a piece straddling it is cut at a sample boundary).
    mutating func settle(through callMs: Int) {
        var settled = 0
        while settled < pieces.count, pieces[settled].endMs <= callMs { settled += 1 }
        for piece in pieces[..<settled] { heldMs -= piece.chunk.durationMs }
        pieces.removeFirst(settled)
        guard var first = pieces.first, first.chunk.ts < callMs else { return }
        let format = first.chunk.format
        let dropped = min(first.chunk.bytes.count, (callMs - first.chunk.ts) * format.rate / 1000 * format.codec.bytesPerSample)
        heldMs -= first.chunk.durationMs
        first.chunk.bytes.removeFirst(dropped)
        first.chunk.ts = callMs
        heldMs += first.chunk.durationMs
        pieces[0] = first
    }

    /// Utterance `utterance` has been answered: none of its audio will be needed again.
    mutating func forget(utterance: Int) {
        pieces.removeAll { piece in
            guard piece.utterance == utterance else { return false }
            heldMs -= piece.chunk.durationMs
            return true
        }
    }

    var isEmpty: Bool { pieces.isEmpty }
}
