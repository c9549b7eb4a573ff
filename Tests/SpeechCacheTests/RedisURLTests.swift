import Testing

@testable import SpeechCache

@Suite struct RedisURLTests {
    @Test func readsHostPortPasswordAndDatabase() throws {
        let plain = try RedisURL("redis://localhost")
        #expect(plain.host == "localhost" && plain.port == 6379 && plain.password == nil && plain.database == 0)

        let full = try RedisURL("redis://:p%40ss:word@cache.internal:6380/2")
        #expect(full.host == "cache.internal" && full.port == 6380 && full.database == 2)
        #expect(full.username == nil && full.password == "p@ss:word")
        #expect(full.description == "redis://:***@cache.internal:6380/2")

        let user = try RedisURL("redis://agent:secret@10.0.0.5/")
        #expect(user.username == "agent" && user.password == "secret" && user.database == 0)

        let ipv6 = try RedisURL("redis://[::1]:7000")
        #expect(ipv6.host == "::1" && ipv6.port == 7000 && ipv6.description == "redis://[::1]:7000")
    }

    @Test func refusesWhatItCannotUseNamingTheURLButNotThePassword() {
        let cases: [(url: String, reason: String)] = [
            ("redis://host:notaport", "port 'notaport'"),
            ("redis://host:0", "port '0'"),
            ("redis://host:70000", "port '70000'"),
            ("redis://host:+80", "port '+80'"),
            ("redis://:6379", "no host"),
            ("redis://host/db", "database 'db'"),
            ("rediss://host", "TLS"),
            ("http://host", "does not start with redis://"),
            ("redis://host?timeout=1", "query"),
            ("redis://::1:6379", "brackets"),
            ("redis://secret@host", "password"),
        ]
        for (url, reason) in cases {
            #expect {
                _ = try RedisURL(url)
            } throws: { error in
                let text = "\(error)"
                return text.contains(reason) && (text.contains(url) || url.contains("@"))
            }
        }
        #expect {
            _ = try RedisURL("redis://:hunter2@host:x")
        } throws: { error in
            "\(error)".contains("redis://:***@host:x") && !"\(error)".contains("hunter2")
        }
    }
}
