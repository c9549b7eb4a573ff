/// What every Switchboard tool answers to `--version`. Defined once, here, so that the tools of
/// one build can never disagree about the release they belong to; each root command passes it to
/// its `CommandConfiguration(version:)`.
public enum SwitchboardVersion {
    public static let current = "0.1.0"
}
