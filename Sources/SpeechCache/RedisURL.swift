/// Where a Redis server is: `redis://[[user]:password@]host[:port][/db]`.
///
/// Parsed by hand rather than with Foundation's `URL`, which accepts much that hiredis cannot
/// use (queries, fragments, a port of 0) and says little about what is wrong. Every error
/// names the URL, with its password masked: the URL comes from an option or a graph string,
/// and its error ends up in logs.
public struct RedisURL: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// For Redis 6 ACLs (`AUTH user password`); nil sends `AUTH password`.
    public var username: String?
    public var password: String?
    public var database: Int

    public static let defaultPort = 6379

    public init(_ string: String) throws(RedisURLError) {
        func fail(_ reason: String) -> RedisURLError { RedisURLError(url: Self.redacted(string), reason: reason) }
        let scheme = "redis://"
        guard string.hasPrefix(scheme) else {
            throw fail(string.hasPrefix("rediss://") ? "TLS (rediss://) is not supported" : "it does not start with redis://")
        }
        var rest = Substring(string.dropFirst(scheme.count))
        guard !rest.contains("?"), !rest.contains("#") else { throw fail("query options are not supported") }

        // The user part ends at the last `@` (a password may contain one, a host may not).
        username = nil
        password = nil
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            guard let colon = userInfo.firstIndex(of: ":") else { throw fail("give the password as :password@") }
            let user = userInfo[..<colon]
            let secret = userInfo[userInfo.index(after: colon)...]
            username = user.isEmpty ? nil : Self.percentDecoded(user)
            password = secret.isEmpty ? nil : Self.percentDecoded(secret)
        }

        var authority = rest
        database = 0
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            let path = rest[rest.index(after: slash)...]
            if !path.isEmpty {
                guard Self.isDigits(path), let number = Int(path) else { throw fail("database '\(path)' is not a number") }
                database = number
            }
        }

        var portText: Substring?
        if authority.hasPrefix("[") {
            // [IPv6]:port
            guard let close = authority.firstIndex(of: "]") else { throw fail("IPv6 address without a closing ]") }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw fail("unexpected '\(after)' after the host") }
                portText = after.dropFirst()
            }
        } else {
            let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { throw fail("IPv6 addresses go in brackets: redis://[::1]:6379") }
            host = String(parts[0])
            portText = parts.count == 2 ? parts[1] : nil
        }
        guard !host.isEmpty else { throw fail("no host") }

        port = Self.defaultPort
        if let portText {
            guard Self.isDigits(portText), let number = Int(portText), (1...65535).contains(number) else {
                throw fail("port '\(portText)' is not a number from 1 to 65535")
            }
            port = number
        }
    }

    /// The URL without its password: for `location`, log lines and errors.
    public var description: String {
        var text = "redis://"
        if username != nil || password != nil { text += "\(username ?? ""):\(password == nil ? "" : "***")@" }
        text += host.contains(":") ? "[\(host)]" : host
        text += ":\(port)"
        if database != 0 { text += "/\(database)" }
        return text
    }

    static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (48...57).contains($0) }
    }

    /// `string` with whatever stands between `://` and the last `@` after it reduced to the
    /// user name, so that even a URL too broken to parse can be named without its password.
    static func redacted(_ string: String) -> String {
        guard let schemeEnd = string.range(of: "://"), let at = string[schemeEnd.upperBound...].lastIndex(of: "@") else {
            return string
        }
        let userInfo = string[schemeEnd.upperBound..<at]
        let user = userInfo.firstIndex(of: ":").map { userInfo[..<$0] } ?? ""
        return String(string[..<schemeEnd.upperBound]) + user + ":***" + String(string[at...])
    }

    /// `%40` → `@` and so on, so that a password may hold any character; a malformed escape is
    /// kept as it is.
    static func percentDecoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A `redis://` URL that cannot be used, and why.
public struct RedisURLError: Error, Equatable, CustomStringConvertible {
    /// The URL as given, its password masked.
    public let url: String
    public let reason: String

    public var description: String {
        "bad Redis URL '\(url)': \(reason) (expected redis://[:password@]host[:port][/db])"
    }
}
