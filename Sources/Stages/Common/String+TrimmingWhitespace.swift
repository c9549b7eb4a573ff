extension String {
    /// Without leading and trailing whitespace (newlines included), without Foundation: what a
    /// provider sent around a transcript or a slot value.
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }
}
