import Foundation

/// A call's id (Twilio's CallSid) as the stem of the files kept about it: the server names a
/// call's recording, transcript and trace by it, and the simulator finds the trace by it.
/// A client's id must not reach outside the directory, so anything but ASCII letters, digits,
/// `-` and `_` becomes `_`, and at most 128 characters are kept.
public enum CallFileName {
    public static func stem(_ id: String) -> String {
        let safe = String(id.unicodeScalars.prefix(128).map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII || scalar == "-" || scalar == "_" ? Character(scalar) : "_"
        })
        return safe.isEmpty ? "call" : safe
    }
}
