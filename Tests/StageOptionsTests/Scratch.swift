import Foundation

/// Files a test writes, in a directory of its own that goes away with the value.
final class Scratch {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "stage-options-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Writes `text` to `name` in the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func remove(_ name: String) throws { try FileManager.default.removeItem(atPath: directory + "/" + name) }
}

/// `Examples/receptionist.yaml`, the shipped script, found from this file's path.
let receptionistScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Examples/receptionist.yaml").path
