/// Puts the server's account of each turn beside the caller's.
///
/// Both sides count the turns that reached the caller in the same order: the server's turns
/// whose audio left it, the caller's turns whose audio arrived. A turn cut before any audio
/// went out exists only on the server's side and is skipped.
enum ServerTraceMerge {
    static func merge(_ trace: ServerTrace, into turns: inout [TurnReport]) {
        let heard = trace.turns.filter(\.hadAudio)
        for (index, serverTurn) in zip(turns.indices, heard) {
            turns[index].serverStages = serverTurn.stages
            turns[index].serverLatencyMs = serverTurn.latencyMs
            turns[index].callerText = serverTurn.callerText
            if let sentences = trace.spoken[serverTurn.turn] { turns[index].agentText = sentences.joined(separator: " ") }
        }
    }
}
