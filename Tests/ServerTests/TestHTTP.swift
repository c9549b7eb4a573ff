import Providers
import Telephony

/// A plain HTTP exchange with the server under test, through the project's libcurl client.
struct TestHTTP {
    struct Reply {
        var status: Int
        var body: String
        var contentType: String?
    }

    static func get(_ url: String) async throws -> Reply {
        try await exchange(HTTPRequest(url: url))
    }

    /// A form POST, signed as Twilio signs it when `token` is given (`signature` overrides).
    static func post(_ url: String, form: [(String, String)], token: String? = nil, signedURL: String? = nil, signature: String? = nil) async throws -> Reply {
        var headers = [(name: "Content-Type", value: "application/x-www-form-urlencoded")]
        if let signature {
            headers.append((name: "X-Twilio-Signature", value: signature))
        } else if let token {
            headers.append((name: "X-Twilio-Signature", value: TwilioSignature.compute(url: signedURL ?? url, parameters: form, authToken: token)))
        }
        return try await exchange(HTTPRequest(method: "POST", url: url, headers: headers, body: Array(FormParameters(form).encoded.utf8)))
    }

    private static func exchange(_ request: HTTPRequest) async throws -> Reply {
        let response = try await HTTPClient.shared.execute(request)
        let body = try await response.body.collect()
        return Reply(status: response.status, body: String(decoding: body, as: UTF8.self), contentType: response.header("Content-Type"))
    }
}
