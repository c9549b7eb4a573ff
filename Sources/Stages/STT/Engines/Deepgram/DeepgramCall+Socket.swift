import Providers
import Speech

/// Opening the socket, and reopening it after a drop without losing the caller's words.
extension DeepgramCall {
    /// Opens a socket for `format` (bounded tries, growing waits) and sends it the audio not
    /// yet settled, the `Finalize`s among it, and `CloseStream` if the call has ended. Throws
    /// when no try succeeds: the engine is gone.
    mutating func connect(format: SpeechFormat) async throws {
        self.format = format
        var lastError: any Error = ProviderError(kind: .serverError, message: "deepgram: no connection")
        for attempt in 0..<engine.connectAttempts {
            if attempt > 0 { try await Task.sleep(for: backoff(before: attempt)) }
            do {
                let connection = try await WebSocketConnection.connect(url: engine.listenURL(for: format),
                    headers: [("Authorization", "Token \(engine.key)")], timeout: engine.connectTimeout, logger: logger)
                socketsOpened += 1
                socket = Socket(id: socketsOpened, connection: connection, reader: read(connection, id: socketsOpened), format: format)
                try await resend()
                if socketsOpened > 1 { logger.notice("deepgram: socket reopened (try \(attempt + 1))") }
                return
            } catch {
                try Task.checkCancellation()
                dropSocket()
                lastError = error
                logger.warning("deepgram: opening the socket failed (try \(attempt + 1) of \(engine.connectAttempts)): \(error)")
            }
        }
        throw ProviderError(kind: .serverError, message: "deepgram: could not open the socket in \(engine.connectAttempts) tries: \(lastError)")
    }

    /// After a drop: a new socket for the same audio. Without audio sent yet, the next audio
    /// opens one. A server that keeps dropping the socket before it says anything of use is
    /// as gone as one that refuses it: after `connectAttempts` such drops in a row, throw.
    mutating func reconnect() async throws {
        guard let format else { return }
        dropsWithoutResults += 1
        guard dropsWithoutResults <= engine.connectAttempts else {
            throw ProviderError(kind: .serverError, message: "deepgram: the socket dropped \(dropsWithoutResults) times in a row without a result")
        }
        try await connect(format: format)
    }

    mutating func dropSocket() {
        socket?.reader.cancel()
        socket?.connection.cancel()
        socket = nil
    }

    /// Hands the socket's messages to the call's loop, tagged with the socket's number.
    private func read(_ connection: WebSocketConnection, id: Int) -> Task<Void, Never> {
        Task { [events] in
            do {
                for try await message in connection.messages { try await events.send(.message(socket: id, message)) }
                try? await events.send(.socketEnded(socket: id, nil))
            } catch {
                try? await events.send(.socketEnded(socket: id, error))
            }
        }
    }

    /// What a fresh socket must hear: the unsettled audio in order, each waiting utterance's
    /// `Finalize` after its last piece (its deadline starts again), and `CloseStream` if it had
    /// been sent. A waiting utterance with nothing unsettled was fully answered but for its
    /// last, which ends empty now.
    private mutating func resend() async throws {
        guard var open = socket else { return }
        let pieces = unsettled.pieces
        for waiting in finalizing where !pieces.contains(where: { $0.utterance == waiting.utterance }) {
            try await answer(waiting.utterance, with: nil)
        }
        for (index, piece) in pieces.enumerated() where piece.chunk.format == open.format {
            try await open.connection.send(binary: piece.chunk.bytes)
            open.clock.sent(piece.chunk)
            let isLastOfUtterance = index + 1 == pieces.count || pieces[index + 1].utterance != piece.utterance
            if isLastOfUtterance, let waiting = finalizing.firstIndex(where: { $0.utterance == piece.utterance }) {
                try await open.connection.send(text: #"{"type":"Finalize"}"#)
                finalizing[waiting].markMs = open.clock.sentMs
                finalizing[waiting].deadline = .now + engine.finalizeTimeout
            }
        }
        if closeDeadline != nil {
            try await open.connection.send(text: #"{"type":"CloseStream"}"#)
            open.closeStreamSent = true
            closeDeadline = .now + engine.closeTimeout
        }
        open.lastSent = .now
        socket = open
    }

    /// Full jitter over a doubling ceiling, so calls that lost their sockets together do not
    /// all come back at once.
    private func backoff(before attempt: Int) -> Duration {
        let ceiling = engine.reconnectBackoff * (1 << min(attempt - 1, 6))
        return ceiling * Double.random(in: 0.5...1)
    }
}
