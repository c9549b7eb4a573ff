import Crypto
import ExtrasBase64

/// Twilio's request signature, the `X-Twilio-Signature` header (reference §6): proof that a
/// webhook, status callback or media WebSocket upgrade came from Twilio and not from someone who
/// found the URL. Without checking it anyone can place "calls" into the server.
public enum TwilioSignature {
    /// The signature Twilio sends: base64 of HMAC-SHA1, keyed by the auth token, over the URL
    /// followed by every parameter's name and value (sorted by name, then value, in UTF-8 byte
    /// order; no separators). Requests without a form body (GET, the WebSocket upgrade, JSON
    /// bodies) pass no parameters.
    public static func compute(url: String, parameters: [(String, String)], authToken: String) -> String {
        Base64.encodeToString(bytes: mac(url: url, parameters: sorted(parameters), authToken: authToken))
    }

    /// Whether `signature` is Twilio's for this request.
    ///
    /// Accepts the URL as given and with the scheme's default port added or removed (`:443` for
    /// https/wss, `:80` for http/ws), because Twilio's signing is inconsistent about it (its own
    /// helper libraries check both). Only the default port is added or stripped: another port is a
    /// different address. When a name repeats with identical values, the signature of the values
    /// without duplicates is also accepted, which is what Twilio's helper libraries compute.
    ///
    /// False for a missing or empty signature, and for an empty auth token: a signature keyed by
    /// nothing is one anyone can make.
    public static func isValid(signature: String?, url: String, parameters: [(String, String)], authToken: String) -> Bool {
        guard let signature, !signature.isEmpty, !authToken.isEmpty else { return false }
        let given = Array(signature.utf8)
        let ordered = sorted(parameters)
        var orderings = [ordered]
        let unique = withoutRepeats(ordered)
        if unique.count != ordered.count { orderings.append(unique) }
        var matched = false
        // Every candidate is computed and compared, so the time taken does not say which one came close.
        for candidate in urlVariants(url) {
            for parameters in orderings {
                let expected = Array(Base64.encodeToString(bytes: mac(url: candidate, parameters: parameters, authToken: authToken)).utf8)
                matched = constantTimeEqual(expected, given) || matched
            }
        }
        return matched
    }

    /// Checks a request with a JSON body (reference §6): Twilio signs the URL alone, which carries
    /// `bodySHA256=<hex SHA-256 of the body>` in its query, so the body is covered through that
    /// hash. False when the query has no `bodySHA256` or it does not match.
    public static func isValid(signature: String?, url: String, jsonBody: some Sequence<UInt8>, authToken: String) -> Bool {
        guard let claimed = queryValue(named: "bodySHA256", in: url) else { return false }
        let bodyMatches = constantTimeEqual(Array(bodySHA256(jsonBody).utf8), Array(claimed.lowercased().utf8))
        let signatureMatches = isValid(signature: signature, url: url, parameters: [], authToken: authToken)
        return bodyMatches && signatureMatches
    }

    /// Lowercase hex SHA-256 of a request body, as Twilio puts in `bodySHA256`.
    public static func bodySHA256(_ body: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(body))
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 0x10 ? "0" + hex : hex
        }.joined()
    }

    /// Compares every byte whatever the first difference, so the time taken does not tell an
    /// attacker how much of a forged signature was right. Lengths are not secret (a signature is
    /// always 28 characters), so unequal lengths return at once.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    /// The URL as given, then with the default port added or removed when the scheme has one.
    static func urlVariants(_ url: String) -> [String] {
        guard let authority = Authority(url) else { return [url] }
        var variants = [url]
        if let alternate = authority.withDefaultPortToggled() { variants.append(alternate) }
        return variants
    }

    private static func mac(url: String, parameters: [(String, String)], authToken: String) -> [UInt8] {
        var message = Array(url.utf8)
        for (name, value) in parameters {
            message.append(contentsOf: name.utf8)
            message.append(contentsOf: value.utf8)
        }
        let key = SymmetricKey(data: Array(authToken.utf8))
        return Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key))
    }

    /// Byte order, not `String`'s `<` (which compares canonically equivalent text as equal and
    /// so could order differently from Twilio).
    private static func sorted(_ parameters: [(String, String)]) -> [(String, String)] {
        parameters.sorted { left, right in
            if !left.0.utf8.elementsEqual(right.0.utf8) { return left.0.utf8.lexicographicallyPrecedes(right.0.utf8) }
            return left.1.utf8.lexicographicallyPrecedes(right.1.utf8)
        }
    }

    /// Drops a pair equal (byte for byte) to the one before it; the input is sorted.
    private static func withoutRepeats(_ sorted: [(String, String)]) -> [(String, String)] {
        var unique: [(String, String)] = []
        for pair in sorted {
            if let last = unique.last, last.0.utf8.elementsEqual(pair.0.utf8), last.1.utf8.elementsEqual(pair.1.utf8) { continue }
            unique.append(pair)
        }
        return unique
    }

    private static func queryValue(named name: String, in url: String) -> String? {
        guard let question = url.firstIndex(of: "?") else { return nil }
        let query = url[url.index(after: question)...].prefix { $0 != "#" }
        return (try? FormParameters(parsing: String(query)))?[name]
    }
}

/// The `scheme://[userinfo@]host[:port]` part of a URL, split so a default port can be added or
/// removed without touching the rest.
private struct Authority {
    let scheme: String
    /// Everything before the port: `scheme://userinfo@host`.
    let head: Substring
    let port: Substring?
    /// The path, query and fragment, untouched.
    let rest: Substring

    init?(_ url: String) {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        scheme = url[..<schemeEnd.lowerBound].lowercased()
        let authorityEnd = url[schemeEnd.upperBound...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
        let authority = url[schemeEnd.upperBound..<authorityEnd]
        rest = url[authorityEnd...]
        // The port's colon comes after any userinfo and after an IPv6 literal's closing bracket.
        let hostStart = authority.lastIndex(of: "@").map { authority.index(after: $0) } ?? authority.startIndex
        let host = authority[hostStart...]
        let searchFrom = host.lastIndex(of: "]") ?? host.startIndex
        if let colon = host[searchFrom...].lastIndex(of: ":") {
            head = url[..<colon]
            port = host[host.index(after: colon)...]
        } else {
            head = url[..<authorityEnd]
            port = nil
        }
    }

    var defaultPort: String? {
        switch scheme {
        case "https", "wss": "443"
        case "http", "ws": "80"
        default: nil
        }
    }

    /// The URL with `:443`/`:80` added when there is no port, or removed when it is the default
    /// one; nil when neither applies.
    func withDefaultPortToggled() -> String? {
        guard let defaultPort else { return nil }
        guard let port else { return head + ":" + defaultPort + rest }
        return port == defaultPort ? String(head + rest) : nil
    }
}
