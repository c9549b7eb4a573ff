/// A JSON value as it travels through a stage.
///
/// Two properties matter for the frame protocol and are why this is not `JSONSerialization`:
/// numbers keep their literal text (`1240`, `0.50`, `1e3` leave a stage exactly as they came),
/// and objects keep their key order, so an event passed through unchanged reads the same to a
/// person diffing two streams.
public enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSON])
    case object(JSONObject)
}

/// A JSON number kept as its literal text.
public struct JSONNumber: Sendable, Equatable, CustomStringConvertible {
    public let text: String

    /// `text` must already be a valid JSON number literal; use the numeric initialisers otherwise.
    public init(literal text: String) { self.text = text }
    public init(_ value: Int) { self.text = String(value) }
    public init(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            self.text = String(Int64(value))
        } else if value.isFinite {
            self.text = String(value)
        } else {
            self.text = "0"  // JSON has no NaN or infinity
        }
    }

    public var int: Int? { Int(text) ?? double.flatMap { $0 == $0.rounded() && abs($0) < 9.2e18 ? Int($0) : nil } }
    public var double: Double? { Double(text) }
    public var description: String { text }
}

/// A JSON object that keeps its keys in the order they were first set.
/// Frame headers have a handful of keys, so a linear scan beats hashing.
public struct JSONObject: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var entries: [(key: String, value: JSON)]

    public init() { entries = [] }

    /// An empty object with room for `capacity` keys without reallocating.
    public init(capacity: Int) {
        entries = []
        entries.reserveCapacity(capacity)
    }
    public init(dictionaryLiteral elements: (String, JSON)...) {
        entries = []
        entries.reserveCapacity(elements.count)
        for (key, value) in elements { self[key] = value }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [String] { entries.map(\.key) }

    public subscript(key: String) -> JSON? {
        get {
            for entry in entries where entry.key == key { return entry.value }
            return nil
        }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    /// Appends without looking for an existing key; for parsers that already know keys are new.
    mutating func appendUnchecked(_ key: String, _ value: JSON) { entries.append((key, value)) }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSON)]> { entries.makeIterator() }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

// MARK: - Convenient access

extension JSON {
    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var int: Int? { if case .number(let n) = self { n.int } else { nil } }
    public var double: Double? { if case .number(let n) = self { n.double } else { nil } }
    public var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var object: JSONObject? { if case .object(let o) = self { o } else { nil } }
    public var array: [JSON]? { if case .array(let a) = self { a } else { nil } }

    public static func int(_ value: Int) -> JSON { .number(JSONNumber(value)) }
    public static func double(_ value: Double) -> JSON { .number(JSONNumber(value)) }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSON)...) {
        var object = JSONObject()
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}
