import Testing
@testable import Providers

@Suite struct MultipartFormTests {
    @Test func encodesFieldsAndFiles() {
        var form = MultipartForm(boundary: "XyZ")
        form.addField("model", "whisper-1")
        form.addFile("file", filename: "turn \"3\".wav", contentType: "audio/wav", data: [0x52, 0x49, 0x46, 0x46, 0x00, 0x0D, 0x0A])
        #expect(form.contentType == "multipart/form-data; boundary=XyZ")
        let expected: [UInt8] = Array("--XyZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n".utf8)
            + Array("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"turn %223%22.wav\"\r\nContent-Type: audio/wav\r\n\r\n".utf8)
            + [0x52, 0x49, 0x46, 0x46, 0x00, 0x0D, 0x0A] + Array("\r\n--XyZ--\r\n".utf8)
        #expect(form.body == expected)
    }

    @Test func defaultBoundariesDiffer() {
        #expect(MultipartForm().boundary != MultipartForm().boundary)
    }
}
