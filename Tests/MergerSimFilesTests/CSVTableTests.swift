import Testing
@testable import MergerSimInputs
@testable import MergerSimReports

struct CSVTableTests {
    func table(_ text: String) throws -> CSVTable { try CSVTable(bytes: Array(text.utf8), file: "t.csv") }

    func failure(_ bytes: [UInt8]) -> InputError? {
        do { _ = try CSVTable(bytes: bytes, file: "t.csv") } catch { return error }
        return nil
    }

    @Test func readsBOMAndCRLF() throws {
        let t = try CSVTable(bytes: [0xEF, 0xBB, 0xBF] + Array("code,name\r\n1,Mỹ Hương\r\n2,Tấn Tài\r\n".utf8), file: "t.csv")
        #expect(t.header == ["code", "name"])
        #expect(t.records.map(\.fields) == [["1", "Mỹ Hương"], ["2", "Tấn Tài"]])
        #expect(t.records.map(\.line) == [2, 3])
    }

    @Test func readsRFC4180Quoting() throws {
        let t = try table("code,name,note\n1,\"Kinh Dinh, Phan Rang\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",x\n3,c,\n")
        #expect(t.records[0].fields == ["1", "Kinh Dinh, Phan Rang", "say \"hi\""])
        #expect(t.records[1].fields == ["2", "two\nlines", "x"])
        #expect(t.records[2].line == 5)  // the quoted line break counts
        #expect(t.records[2].fields == ["3", "c", ""])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let t = try table("a,b,c\nThanh Sơn,Phủ Hà,x\n")
        #expect(t.records[0].columns == [1, 11, 18])
    }

    @Test func skipsBlankAndEmptyRowsAsExcelWritesThem() throws {
        let t = try table("a,b\n1,2\n,\n\n3,4\n\n")
        #expect(t.records.map(\.fields) == [["1", "2"], ["3", "4"]])
    }

    @Test func locatesAQuoteInsideAnUnquotedField() {
        let error = failure(Array("a,b\n1,Phủ \"Hà\"\n".utf8))
        #expect(error?.line == 2 && error?.column == 7)
    }

    @Test func locatesAnUnclosedQuote() {
        let error = failure(Array("a,b\n1,\"open\n2,3\n".utf8))
        #expect(error?.line == 2 && error?.column == 3)
        #expect(error?.message.contains("never closed") == true)
    }

    @Test func locatesTextAfterAClosingQuote() {
        let error = failure(Array("a,b\n1,\"x\"y\n".utf8))
        #expect(error?.line == 2 && error?.column == 6)
    }

    @Test func locatesInvalidUTF8() {
        let error = failure(Array("a,b\n1,Ph".utf8) + [0xFF] + Array("\n".utf8))
        #expect(error?.kind == .badData && error?.line == 2 && error?.column == 5)
        // A Windows-1258 "ủ" after a valid "Ơ"
        let error2 = failure(Array("a\nƠ".utf8) + [0xF2, 0x41])
        #expect(error2?.line == 2 && error2?.column == 2)
    }

    @Test func raggedRowAndRepeatedHeaderAreErrors() {
        let ragged = failure(Array("a,b\n1,2,3\n".utf8))
        #expect(ragged?.line == 2 && ragged?.column == 5)
        let repeated = failure(Array("a,b,a\n1,2,3\n".utf8))
        #expect(repeated?.line == 1 && repeated?.column == 5)
    }

    @Test func emptyFileIsAnError() {
        #expect(failure([])?.message.contains("empty") == true)
        #expect(failure([0xEF, 0xBB, 0xBF])?.message.contains("empty") == true)
    }
}

struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
