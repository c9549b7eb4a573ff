import Testing

/// Every suite of this target, run one test at a time: parsing llm-stream's options takes a
/// quarter of a second of CPU in a debug build, and several at once would hold every thread of
/// the shared pool while other targets' tests wait on real-time deadlines.
@Suite(.serialized) enum OneAtATime {}
