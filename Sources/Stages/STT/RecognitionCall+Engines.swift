import SwitchboardCore

/// Engines coming and going: a group started, a failed engine's place taken by the next
/// group, which hears every utterance not yet answered from its beginning.
extension RecognitionCall {
    /// Starts every engine of group `index`, replaying the open utterances to each.
    func startGroup(_ index: Int) async {
        group = index
        guard index < settings.groups.count else { return }
        let replay = open.keys.sorted().flatMap { open[$0]!.replay }
        for engine in settings.groups[index] {
            nextLaneID += 1
            let lane = EngineLane(id: nextLaneID, engine: engine, group: index, backlog: replay.count, quality: settings.resamplerQuality)
            var inputs: [RecognitionInput] = []
            var problems: [String] = []
            for item in replay {
                let (converted, problem) = convert(item, for: lane)
                inputs += converted
                if let problem { problems.append(problem) }
            }
            // The channel has room for the whole replay, so it goes in now, before any new audio.
            for input in inputs { _ = lane.inputs.offer(input) }
            if inputsFinished { lane.finishInputs() }
            lanes.append(lane)
            run(lane)
            for problem in Set(problems).sorted() { await report(problem) }
        }
    }

    private func run(_ lane: EngineLane) {
        let inputs = lane.inputs
        let engine = lane.engine
        let id = lane.id
        let task = Task {
            do {
                try await engine.recognize(inputs) { recognition in
                    try await self.received(recognition, from: id)
                }
                await self.ended(id, error: nil)
            } catch {
                await self.ended(id, error: error)
            }
        }
        lane.task = tasks.add(task)
    }

    /// A lane's `recognize` returned or threw.
    private func ended(_ id: Int, error: (any Error)?) async {
        guard let index = lanes.firstIndex(where: { $0.id == id }) else { return }
        let lane = lanes[index]
        if let key = lane.task { tasks.remove(key) }
        // Done as asked: it stays listed, so that its answers still count in a competition.
        if error == nil, lane.inputFinished {
            lane.done = true
            return
        }
        lanes.remove(at: index)
        lane.inputs.close()
        if Task.isCancelled || error is CancellationError { return }
        let why = error.map { "\($0)" } ?? "it stopped answering"
        let stillCompeting = lanes.contains { $0.group == lane.group }
        if stillCompeting {
            await report("\(lane.name) failed: \(why); \(lanes.filter { $0.group == lane.group }.map(\.name).joined(separator: "+")) goes on")
            for number in open.keys.sorted() { try? await decideIfComplete(number) }
            return
        }
        let next = lane.group + 1
        guard next < settings.groups.count else {
            await report("\(lane.name) failed: \(why); no engine left", fatal: true)
            failure = StageFailure(.unavailable, "stt-stream: every engine failed (\(settings.description)); last: \(lane.name): \(why)")
            return
        }
        await report("\(lane.name) failed: \(why); \(settings.groups[next].map(\.name).joined(separator: "+")) takes over")
        await startGroup(next)
    }
}
