import Foundation

/// The system prompts of the tenants a process serves (`--tenant-prompts DIR`): every
/// `<dir>/<tenant>.txt`, read once when the process starts. A call start then costs a
/// dictionary lookup, never a file read on the cooperative pool; a prompt edited on disk takes
/// effect at the next start of the process.
public struct TenantPrompts: Sendable, Equatable {
    /// The prompt of each tenant, trimmed.
    public let prompts: [String: String]
    /// The directory they were read from; nil when built from a dictionary.
    public let directory: String?

    /// No tenant has a prompt of its own.
    public static let none = TenantPrompts([:])

    public init(_ prompts: [String: String]) { self.init(prompts, directory: nil) }

    /// Reads every `*.txt` file of `directory`; the tenant is the file name without `.txt`.
    /// Throws when the directory or one of its prompt files cannot be read.
    public init(directory: String) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw LoadError(path: directory, reason: error.localizedDescription)
        }
        var prompts: [String: String] = [:]
        for name in names where name.hasSuffix(".txt") && name.count > 4 {
            let path = directory + "/" + name
            do {
                prompts[String(name.dropLast(4))] = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw LoadError(path: path, reason: error.localizedDescription)
            }
        }
        self.init(prompts, directory: directory)
    }

    private init(_ prompts: [String: String], directory: String?) {
        self.prompts = prompts.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        self.directory = directory
    }

    /// The prompt of `tenant`, if it has one.
    public subscript(tenant: String) -> String? { prompts[tenant] }

    /// A prompt file or directory that could not be read.
    public struct LoadError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot read tenant prompts \(path): \(reason)" }
    }
}
