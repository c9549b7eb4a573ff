import Telephony
import Testing

/// The stem the server names a call's files by, and the simulator finds its trace by.
@Suite struct CallFileNameTests {
    @Test func aCallSidIsKeptAsItIs() {
        #expect(CallFileName.stem("CA0123456789abcdef0123456789abcdef") == "CA0123456789abcdef0123456789abcdef")
    }

    @Test func anIdCannotReachOutsideTheDirectory() {
        #expect(CallFileName.stem("../../etc/passwd") == "______etc_passwd")
        #expect(CallFileName.stem("é/") == "__")
        #expect(CallFileName.stem("") == "call")
        #expect(CallFileName.stem(String(repeating: "a", count: 300)).count == 128)
    }
}
