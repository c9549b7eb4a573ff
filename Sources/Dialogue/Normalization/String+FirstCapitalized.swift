extension StringProtocol {
    /// The first letter a capital, the rest as written: "wednesday" → "Wednesday", "mcDonald"
    /// → "McDonald" (Foundation's `capitalized` would lower the rest).
    var firstCapitalized: String { prefix(1).uppercased() + dropFirst() }
}
