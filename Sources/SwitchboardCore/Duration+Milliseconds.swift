extension Duration {
    /// In milliseconds, fractions kept: how every stage, trace and report states a duration.
    public var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
