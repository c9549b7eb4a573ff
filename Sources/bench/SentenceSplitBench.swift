import ArgumentParser
import Foundation
import Resilience
import Stages
import SwitchboardCore

/// `sentence-split` throughput and decision delay on a synthetic corpus of agent answers
/// (English, Hindi and mixed; abbreviations, numbers, addresses, ellipses), cut into
/// BPE-like tokens: words with their leading space, split into pieces of 1–5 characters.
struct SentenceSplitBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentences",
        abstract: "sentence-split: tokens per second and delay of each sentence after its boundary is certain.")

    @Option(help: "Answers in the corpus.") var answers = 20_000
    @Option(help: "Runs; the fastest is reported.") var runs = 3
    @Option(help: "Also write the corpus here, one JSON array of tokens per answer (for scripts/sentence-split-peer.py).")
    var writeCorpus: String?
    @Option(help: "Write the sentence-splitting tables here, one JSON object per case with the splitter's pieces (for scripts/sentence-split-accuracy.py), time the splitter on them, and stop.")
    var writeCases: String?

    func run() async throws {
        if let writeCases {
            try SentenceCasesExport.write(to: writeCases)
            let cost = SentenceCasesExport.streamingCost(runs: runs)
            print(String(format: "sentences table    %10.0f tokens/s per core   (the tables' %d tokens, streamed token by token, best of %d)",
                         cost.tokensPerSecond, cost.tokens, runs))
            return
        }
        let corpus = TokenCorpus(answers: answers)
        let tokens = corpus.answers.reduce(0) { $0 + $1.count }
        if let writeCorpus {
            let lines = corpus.answers.map { JSONWriter.string(.array($0.map { .string($0) })) + "\n" }.joined()
            try Data(lines.utf8).write(to: URL(fileURLWithPath: writeCorpus))
        }

        var best = Double.infinity
        var sentences = 0
        for _ in 0..<runs {
            let start = DispatchTime.now()
            sentences = 0
            var splitter = SentenceSplitter()
            for answer in corpus.answers {
                for token in answer { sentences += splitter.append(token).count }
                sentences += splitter.flush().count
            }
            best = min(best, seconds(since: start))
        }
        print(String(format: "sentences splitter %10.0f tokens/s per core   (%d tokens, %d answers, %d sentences, best of %d)",
                     Double(tokens) / best, tokens, corpus.answers.count, sentences, runs))

        let frames = corpus.frames
        best = .infinity
        var sent = 0
        for _ in 0..<runs {
            let sink = CountingSink()
            let start = DispatchTime.now()
            try await SentenceSplit().run(FrameList(frames), to: sink)
            best = min(best, seconds(since: start))
            sent = sink.sentences
        }
        print(String(format: "sentences stage    %10.0f tokens/s per core   (token events in, sentence events out, in process; %d sentences)",
                     Double(tokens) / best, sent))

        let delay = corpus.delays()
        print(String(format: "sentences delay    mean %.3f tokens, max %d, after the token that made the boundary certain (%d sentences; %d out before the next word arrived)",
                     delay.mean, delay.max, delay.count, delay.early))
    }

    private func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}

/// The benchmark's answers, each a list of tokens.
struct TokenCorpus {
    static let sentences = [
        "Sure, I can help with that.", "Dr. Rao is available on Monday at 10.30 a.m. if that suits you.",
        "The total comes to Rs. 1,250.50, including taxes.", "Would you like me to book it?",
        "Our clinic is at 12 M.G. Road, e.g. near the metro station.", "Visit www.clinic.in or write to help@clinic.in for details.",
        "Let me check… one moment.", "That is No. 5 on the list, etc. and so on.", "We open at 9 a.m. Monday to Friday.",
        "Is there anything else I can help you with?", "Great!", "Version 2.0 of the app is out; update it from the store.",
        "नमस्ते, मैं आपकी क्या मदद कर सकती हूँ?", "डॉ. शर्मा कल सुबह 10 बजे उपलब्ध हैं।", "आपकी अपॉइंटमेंट पक्की हो गई है।",
        "कुल राशि रु. 500 है, क्या मैं बुक कर दूँ?", "Your appointment is confirmed for 22 November.", "धन्यवाद!",
        "He said \"see you soon.\"", "Hmm… Let me look that up for you.",
    ]

    let answers: [[String]]

    init(answers count: Int) {
        var random = SplitMix(seed: 42)
        answers = (0..<count).map { _ in
            let text = (0..<Int.random(in: 2...6, using: &random))
                .map { _ in Self.sentences[Int.random(in: 0..<Self.sentences.count, using: &random)] }
                .joined(separator: " ")
            return Self.tokens(text, using: &random)
        }
    }

    /// Words keep their leading space; each is cut into pieces of 1–5 characters.
    static func tokens(_ text: String, using random: inout SplitMix) -> [String] {
        var tokens: [String] = []
        var word = ""
        func cut() {
            var rest = Substring(word)
            while !rest.isEmpty {
                let n = Int.random(in: 1...5, using: &random)
                tokens.append(String(rest.prefix(n)))
                rest = rest.dropFirst(n)
            }
            word = ""
        }
        for character in text {
            if character == " " { cut() }
            word.append(character)
        }
        cut()
        return tokens
    }

    var frames: [Frame] {
        answers.enumerated().flatMap { turn, tokens in
            [Frame.event(Event("response.start", ["turn": .int(turn)]))]
                + tokens.map { Frame.event(Event("token", ["turn": .int(turn), "text": .string($0)])) }
                + [Frame.event(Event("response.end", ["turn": .int(turn), "reason": "done"]))]
        }
    }

    /// For every sentence: how many tokens after the one that made its boundary certain it came
    /// out. Certain at the latest is the token holding the first non-space character after the
    /// sentence (every rule has decided by then), or the end of the answer.
    func delays() -> (mean: Double, max: Int, count: Int, early: Int) {
        var total = 0, worst = 0, count = 0, early = 0
        for answer in answers {
            let text = answer.joined()
            let utf8 = Array(text.utf8)
            // The token holding each byte.
            var owner: [Int] = []
            for (index, token) in answer.enumerated() { owner += Array(repeating: index, count: token.utf8.count) }
            var splitter = SentenceSplitter()
            var searchFrom = 0
            func account(_ sentences: [String], at token: Int) {
                for sentence in sentences {
                    let bytes = Array(sentence.utf8)
                    guard let found = Self.find(bytes, in: utf8, from: searchFrom) else { fatalError("sentence not in its answer: \(sentence)") }
                    var next = found + bytes.count
                    searchFrom = next
                    while next < utf8.count, utf8[next] == 0x20 { next += 1 }
                    let certain = next < utf8.count ? owner[next] : answer.count
                    total += max(0, token - certain)
                    worst = max(worst, token - certain)
                    if token < certain { early += 1 }
                    count += 1
                }
            }
            for (index, token) in answer.enumerated() { account(splitter.append(token), at: index) }
            account(splitter.flush(), at: answer.count)
        }
        return (Double(total) / Double(max(count, 1)), worst, count, early)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0], Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}

/// Counts what the stage sends; the bench runs it on one task.
final class CountingSink: FrameSink, @unchecked Sendable {
    var sentences = 0
    func send(_ frame: Frame) async throws {
        if case .event(let event) = frame, event.type == "sentence" { sentences += 1 }
    }
    func finish() async throws {}
}
