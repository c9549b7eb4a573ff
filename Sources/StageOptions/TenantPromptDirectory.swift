import Foundation
import SwitchboardCore

/// `--tenant-prompts DIR`: every `<tenant>.txt` in it, read once, so that no call start waits on
/// the disk.
enum TenantPromptDirectory {
    /// Prompts by tenant name, trimmed. A directory that cannot be listed, or a prompt file that
    /// cannot be read as UTF-8, is a configuration error (78).
    static func read(_ directory: String) throws -> [String: String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw StageFailure(.config, "cannot list --tenant-prompts \(directory): \(error.localizedDescription)")
        }
        var prompts: [String: String] = [:]
        for name in names where name.hasSuffix(".txt") {
            let path = directory + "/" + name
            do {
                prompts[String(name.dropLast(4))] = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw StageFailure(.config, "cannot read tenant prompt \(path): \(error.localizedDescription)")
            }
        }
        return prompts
    }
}
