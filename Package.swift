// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mulaw-decode", targets: ["mulaw-decode"]),
        .executable(name: "mulaw-encode", targets: ["mulaw-encode"]),
        .executable(name: "vad", targets: ["vad"]),
        .executable(name: "llm-stream", targets: ["llm-stream"]),
        .executable(name: "sentence-split", targets: ["sentence-split"]),
        .executable(name: "tts-cache", targets: ["tts-cache"]),
        .executable(name: "stt-stream", targets: ["stt-stream"]),
        .executable(name: "switchboard", targets: ["switchboard"]),
        .library(name: "SwitchboardCore", targets: ["SwitchboardCore"]),
        .library(name: "Audio", targets: ["Audio"]),
        .library(name: "Speech", targets: ["Speech"]),
        .library(name: "SpeechCache", targets: ["SpeechCache"]),
        .library(name: "Telephony", targets: ["Telephony"]),
        .library(name: "Dialogue", targets: ["Dialogue"]),
        .library(name: "Stages", targets: ["Stages"]),
        .library(name: "Runtime", targets: ["Runtime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-extras/swift-extras-base64", from: "1.2.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket", from: "1.6.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // C libraries from Debian's -dev packages.
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CSampleRate", pkgConfig: "samplerate", providers: [.apt(["libsamplerate0-dev"])]),
        // libcurl, with typed wrappers for its variadic functions.
        // espeak-ng, the embedded speech synthesizer (native 22050 Hz).
        .systemLibrary(name: "CEspeakNG", pkgConfig: "espeak-ng", providers: [.apt(["libespeak-ng-dev"])]),
        // hiredis, the Redis client of the shared TTS cache.
        .systemLibrary(name: "CHiredis", pkgConfig: "hiredis", providers: [.apt(["libhiredis-dev"])]),
        // pocketsphinx (with sphinxbase), the embedded recognizer; Debian's en-us model is 16 kHz.
        .systemLibrary(name: "CPocketSphinx", pkgConfig: "pocketsphinx", providers: [.apt(["libpocketsphinx-dev", "pocketsphinx-en-us"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // The frame protocol, the Stage abstraction and stdio binding.
        // The one bounded queue with an urgent lane: graph edges, playout, provider bodies.
        .target(name: "Channels", dependencies: [.product(name: "DequeModule", package: "swift-collections")],
            // Graph edges are BoundedChannel<Frame>: let clients specialise it, or every hop
            // instantiates generic metadata at run time (a fifth of the runtime's CPU).
            swiftSettings: [.unsafeFlags(["-cross-module-optimization"])]),

        .target(name: "SwitchboardCore", dependencies: ["Channels",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ExtrasBase64", package: "swift-extras-base64"),
        ]),
        // The stdio binding: frames over file descriptors, on threads of its own (read-ahead and
        // group-commit writer). Only executables use it: nothing in a call graph starts a thread.
        .target(name: "Stdio", dependencies: ["SwitchboardCore", .product(name: "Logging", package: "swift-log")]),

        // G.711, resampling, sound files, chunking.
        .target(name: "Audio", dependencies: ["CSndFile", "CSampleRate"]),
        // Speech synthesis: the process's one espeak-ng on a thread of its own, streaming audio
        // converted by the Audio kit. Engines above it (tts-cache, the mock's speech routes).
        .target(name: "Speech", dependencies: ["CEspeakNG", "Audio", "Channels", "SwitchboardCore",
            .product(name: "DequeModule", package: "swift-collections")]),
        // Synthesized clips stored by content: keys (SHA-256 of text and voice), a verified clip
        // encoding, a directory store and a Redis store, each doing its blocking I/O off Swift's
        // cooperative pool.
        .target(name: "SpeechCache", dependencies: ["Speech", "CHiredis", "SwitchboardCore",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log")]),
        // Twilio Media Streams messages, request signatures, TwiML.
        .target(name: "Telephony", dependencies: [
            "SwitchboardCore",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "ExtrasBase64", package: "swift-extras-base64"),
        ]),
        // Dialogue scripts: YAML loading, intent matching, slots, replies, grammars. No frame
        // knowledge, so every stage that reads scripts (llm-stream, stt-stream, tts-cache) can.
        .target(name: "Dialogue", dependencies: [.product(name: "Yams", package: "Yams")]),
        // One folder per stage; each stage only speaks frames.
        .target(name: "Stages", dependencies: ["SwitchboardCore", "Audio", "CPocketSphinx", "Telephony", "Providers", "Resilience", "Dialogue", "Speech", "SpeechCache",
            .product(name: "Logging", package: "swift-log")]),

        // Breaker, AIMD limiter, retry, failover: no provider knowledge.
        .target(name: "Resilience", dependencies: ["Channels"]),
        // Test doubles for time and concurrency (a clock moved by hand, a gate), shared by the
        // test targets that drive timers.
        .target(name: "ResilienceTesting", dependencies: ["Resilience"]),
        // Provider plumbing: HTTP over libcurl, Server-Sent Events, multipart.
        .target(name: "Providers", dependencies: ["CCurl", "Channels", "SwitchboardCore", "Resilience",
            .product(name: "WSClient", package: "swift-websocket"),
            .product(name: "NIOWebSocket", package: "swift-nio"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log")]),

        // The call graph in one process: graph strings, nodes (built-in, subprocess, a || b),
        // bounded channels between them, the ring.
        .target(name: "Runtime", dependencies: ["SwitchboardCore", "Channels", "StageOptions",
            .product(name: "DequeModule", package: "swift-collections"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log")]),

        // The supervisor side: for now, the mock providers that stand in for the cloud.
        .target(name: "Supervisor", dependencies: ["SwitchboardCore", "Audio", "Speech", "Resilience", "Telephony",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log")]),

        // `switchboard serve`: the Twilio server. Each call's socket runs the configured graph on
        // the runtime; call control, limits, metrics, per-call traces and recordings.
        .target(name: "Server", dependencies: ["Runtime", "StageOptions", "Stages", "Telephony", "Providers", "Audio", "SwitchboardCore", "Channels", "Dialogue",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log")]),

        // `switchboard simulate`: the virtual caller — scenarios, a Twilio-side client that plays
        // the agent's audio on a real-time clock, recordings and reports.
        .target(name: "Simulator", dependencies: ["SwitchboardCore", "Audio", "Telephony", "Providers", "Speech",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log")]),

        // Every tool's stage options, declared once: the executables and graph strings parse them
        // alike and build the same stage, drawing process-wide things from SharedResources.
        .target(name: "StageOptions", dependencies: ["SwitchboardCore", "Audio", "Stages", "Dialogue", "Providers", "Resilience", "Speech", "SpeechCache",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log")]),

        // What the executables share: common options, logging set-up.
        .target(name: "ToolSupport", dependencies: ["SwitchboardCore", "Stdio", "Audio", "Telephony", "Stages", "StageOptions",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log")]),

        .executableTarget(name: "mulaw-decode", dependencies: toolDependencies),
        .executableTarget(name: "mulaw-encode", dependencies: toolDependencies),
        .executableTarget(name: "vad", dependencies: toolDependencies),
        .executableTarget(name: "llm-stream", dependencies: toolDependencies + ["Dialogue"]),
        .executableTarget(name: "sentence-split", dependencies: toolDependencies),
        .executableTarget(name: "tts-cache", dependencies: toolDependencies + ["Speech", "SpeechCache", "Dialogue"]),
        .executableTarget(name: "stt-stream", dependencies: toolDependencies + ["Dialogue"]),
        .executableTarget(name: "switchboard", dependencies: toolDependencies + ["Supervisor", "Runtime", "Server", "Simulator"]),
        // The sentence-splitting tables: checked by StagesTests, exported by `bench sentences
        // --write-cases` so that a peer segmenter is scored on the very same cases.
        .target(name: "SentenceSplitCases", dependencies: ["Stages", "Resilience"]),
        // Not a test: `make bench` / `swift run -c release bench`.
        .executableTarget(name: "bench", dependencies: ["SwitchboardCore", "Audio", "Providers", "Resilience", "Stages", "Runtime", "Speech", "SpeechCache", "SentenceSplitCases",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        // What several test targets share: a clock the test moves by hand.
        .testTarget(name: "SwitchboardCoreTests", dependencies: ["SwitchboardCore"]),
        .testTarget(name: "StdioTests", dependencies: ["Stdio", "SwitchboardCore"]),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime", "Stages", "StageOptions", "Providers", "Supervisor", "SwitchboardCore", "Audio"]),
        .testTarget(name: "ChannelsTests", dependencies: ["Channels", "SwitchboardCore"]),
        .testTarget(name: "AudioTests", dependencies: ["Audio", "Resilience"]),
        .testTarget(name: "SpeechTests", dependencies: ["Speech", "Audio", "SwitchboardCore"]),
        .testTarget(name: "SpeechCacheTests", dependencies: ["SpeechCache", "Speech", "Stages", "SwitchboardCore", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "TelephonyTests", dependencies: ["Telephony", "SwitchboardCore"]),
        .testTarget(name: "DialogueTests", dependencies: ["Dialogue"]),
        .testTarget(name: "StagesTests", dependencies: ["Stages", "SentenceSplitCases", "Dialogue", "SwitchboardCore", "Audio", "Providers", "Resilience", "ResilienceTesting", "Supervisor", "Speech", "SpeechCache"]),
        .testTarget(name: "StageOptionsTests", dependencies: ["StageOptions", "Stages", "Dialogue", "SwitchboardCore", "Resilience", "Speech"]),
        .testTarget(name: "ToolTests", dependencies: ["SwitchboardCore", "Audio"]),
        .testTarget(name: "ProvidersTests", dependencies: ["Providers", "Resilience"]),
        .testTarget(name: "ResilienceTests", dependencies: ["Resilience", "ResilienceTesting"]),
        .testTarget(name: "ServerTests", dependencies: ["Server", "Supervisor", "Runtime", "StageOptions", "Stages", "Telephony", "Providers", "SwitchboardCore", "Audio", "Dialogue",
            .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "Server", "Supervisor", "StageOptions", "SwitchboardCore", "Audio", "Telephony",
            .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "SupervisorTests", dependencies: ["Supervisor", "Providers", "SwitchboardCore", "Audio", "Speech"]),
    ],
    swiftLanguageModes: [.v6]
)

var toolDependencies: [Target.Dependency] {
    ["Stages", "StageOptions", "SwitchboardCore", "Stdio", "Audio", "ToolSupport",
     .product(name: "ArgumentParser", package: "swift-argument-parser"),
     .product(name: "Logging", package: "swift-log")]
}
