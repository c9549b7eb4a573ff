import Foundation
import Testing

/// What a user asks first: which release is this, and what does the manual say.
struct VersionAndManPageTests {
    /// Every tool answers `--version` with the same release (one string, in ToolSupport).
    @Test func everyToolAnswersVersionWithTheSameRelease() async throws {
        var versions: [String: String] = [:]
        for tool in try DocumentedExamples.tools() {
            let result = try await Tools.sh("\(tool) --version")
            #expect(result.status == 0, "\(tool) --version: \(result.stderr)")
            versions[tool] = result.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(versions.count >= 6)
        #expect(Set(versions.values).count == 1, "\(versions)")
        let version = try #require(versions.values.first)
        #expect(version.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+/) != nil, "not a release number: \(version)")
    }

    /// Every page renders at 80 columns without a warning from man(1) (a line it cannot break
    /// runs past the margin), without a line longer than 80 columns, and with its whole title in
    /// the header (one too long for it is cut to `SWITCHBOARD-MOCK-PROVI...`).
    @Test func manPagesFitEightyColumns() async throws {
        let pages = try FileManager.default.contentsOfDirectory(atPath: Tools.repository + "/Man").sorted()
        #expect(pages.count >= 10)
        for page in pages {
            let warnings = try await Tools.sh("LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l Man/\(page) 2>&1 >/dev/null")
            #expect(warnings.text.isEmpty, "Man/\(page): \(warnings.text)")
            let text = try await DocumentedExamples.rendered("Man/\(page)")
            let name = page.split(separator: ".")
            let title = "\(name.dropLast().joined(separator: ".").uppercased())(\(name.last ?? ""))"
            #expect(text.split(separator: "\n").first?.hasPrefix(title) == true, "Man/\(page): header \(text.prefix { $0 != "\n" })")
            for line in text.split(separator: "\n") where line.count > 80 {
                Issue.record("Man/\(page): \(line.count) columns: \(line)")
            }
        }
    }
}
