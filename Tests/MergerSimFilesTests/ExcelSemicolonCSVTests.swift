import Foundation
import Testing
import MergerSim
@testable import MergerSimInputs

/// Files as Excel saves "CSV" in a Vietnamese locale: a UTF-8 byte-order mark, CRLF line ends, `;` between
/// fields, decimal commas, a field quoted only when it holds a `;` (or a quote), and `;;;` rows for rows
/// left blank. Each is read to the same values as its `,` twin, and those values are checked by hand.
struct ExcelSemicolonCSVTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The bytes Excel writes for `lines`: a BOM, each line ended by CR LF.
    static func excel(_ lines: [String]) -> [UInt8] {
        bom + Array(lines.map { $0 + "\r\n" }.joined().utf8)
    }

    static let commaUnits = """
        code,name,kind,province,district_kind,area_km2,population,cadres,civil_servants,non_professional,ethnic_minority_share,lat,lon
        22753,"Mỹ Hương; thôn 1",xã,Ninh Thuận,,37.25,8123,20,18,12,0.125,11.6,108.95
        22756,"Kinh Dinh, Phan Rang",phường,Ninh Thuận,provincial_city,5.5,15000,21,19,0,,11.57,108.99

        """

    static let semicolonUnits = excel([
        "code;name;kind;province;district_kind;area_km2;population;cadres;civil_servants;non_professional;ethnic_minority_share;lat;lon",
        "22753;\"Mỹ Hương; thôn 1\";xã;Ninh Thuận;;37,25;8123;20;18;12;0,125;11,6;108,95",
        ";;;;;;;;;;;;",
        "22756;Kinh Dinh, Phan Rang;phường;Ninh Thuận;provincial_city;5,5;15000;21;19;0;;11,57;108,99",
    ])

    func failure(_ read: () throws(InputError) -> Void) -> InputError? {
        do { try read() } catch { return error }
        return nil
    }

    @Test func excelUnitsFileReadsAsItsCommaTwin() throws {
        #expect(Array(Self.semicolonUnits.prefix(4)) == [0xEF, 0xBB, 0xBF, UInt8(ascii: "c")])
        let excel = try UnitsFile(bytes: Self.semicolonUnits, file: "u.csv")
        let comma = try UnitsFile(bytes: Array(Self.commaUnits.utf8), file: "u.csv")
        #expect(excel.table.separator == .semicolon)
        #expect(comma.table.separator == .comma)
        #expect(excel.units == comma.units)
        // By hand: 37,25 km² is 37 250 000 millionths; 0,125 is 125 000; the names as written.
        let first = try #require(excel.units.first), second = try #require(excel.units.last)
        #expect(first.area == FixedDecimal(millionths: 37_250_000, decimals: 2))
        #expect(first.features.ethnicMinorityShare == FixedDecimal(millionths: 125_000, decimals: 3))
        #expect(first.location == Coordinate(latitude: 11.6, longitude: 108.95))
        #expect(first.name == "Mỹ Hương; thôn 1")
        #expect(second.name == "Kinh Dinh, Phan Rang")
        #expect(second.area == FixedDecimal(millionths: 5_500_000, decimals: 1))
        #expect(second.districtKind == .provincialCity)
        #expect(excel.units.count == 2)
        // Lines as in the file: the `;;;` row is line 3, skipped but counted.
        #expect(excel.line(of: "22756") == 4)
    }

    @Test func excelPlanFileReadsAsItsCommaTwin() throws {
        let excel = try PlanFile(bytes: Self.excel([
            "new_code;new_name;new_kind;member_code;share",
            "22759;\"Kinh Dinh; Phan Rang\";phường;22753;",
            "22759;\"Kinh Dinh; Phan Rang\";phường;22756;0,4",
            "22760;Đô Vinh, Bảo An;phường;22761;1",
        ]), file: "p.csv")
        let comma = try PlanFile(bytes: Array("""
            new_code,new_name,new_kind,member_code,share
            22759,Kinh Dinh; Phan Rang,phường,22753,
            22759,Kinh Dinh; Phan Rang,phường,22756,0.4
            22760,"Đô Vinh, Bảo An",phường,22761,1

            """.utf8), file: "p.csv")
        #expect(excel.plan == comma.plan)
        #expect(excel.plan.newUnits.map(\.name) == ["Kinh Dinh; Phan Rang", "Đô Vinh, Bảo An"])
        #expect(excel.plan.newUnits[0].members.map(\.share) == [nil, FixedDecimal(millionths: 400_000, decimals: 1)])
    }

    @Test func excelRosterReadsDecimalCommas() throws {
        let excel = try RosterFile(bytes: Self.excel([
            "id;unit_code;category;sex;birth_date;insurance_years;salary_coefficient;title",
            "P1;22753;cadre;F;1975-03-02;21,5;2,34;\"Chủ tịch; UBND\"",
            "P2;22753;civil_servant;M;1990;3;2;Công chức, địa chính",
        ]), file: "r.csv")
        #expect(excel.people.map(\.insuranceYears) == [FixedDecimal(millionths: 21_500_000, decimals: 1), FixedDecimal(millionths: 3_000_000, decimals: 0)])
        #expect(excel.people.map(\.salaryCoefficient) == [FixedDecimal(millionths: 2_340_000, decimals: 2), FixedDecimal(millionths: 2_000_000, decimals: 0)])
        #expect(excel.people.map(\.title) == ["Chủ tịch; UBND", "Công chức, địa chính"])
    }

    @Test func excelTargetsFileReads() throws {
        let units = try UnitsFile(bytes: Self.semicolonUnits, file: "u.csv").units
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("targets-\(UUID().uuidString).csv").path
        try Data(Self.excel(["province;units", "Ninh Thuận;1"])).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try ProposalInputs.targets(path, provinces: ["Ninh Thuận"], units: units) == ["Ninh Thuận": 1])
    }

    @Test func semicolonFileWithoutDecimalCommasReads() throws {
        let units = try UnitsFile(bytes: Self.excel([
            "code;name;kind;province;area_km2;population;cadres;civil_servants;non_professional",
            "1;A;xã;P;30;8000;1;1;1",
            "2;B;phường;P;6;15000;1;1;1",
        ]), file: "u.csv")
        #expect(units.table.separator == .semicolon)
        #expect(units.units.map(\.area) == [FixedDecimal(millionths: 30_000_000, decimals: 0), FixedDecimal(millionths: 6_000_000, decimals: 0)])
        #expect(units.units.map(\.population) == [8000, 15000])
        // Without a BOM and with LF line ends too.
        let plain = try UnitsFile(bytes: Array("code;name;kind;province;area_km2;population;cadres;civil_servants;non_professional\n1;A;xã;P;30;8000;1;1;1\n".utf8), file: "u.csv")
        #expect(plain.units.first?.area == FixedDecimal(millionths: 30_000_000, decimals: 0))
    }

    @Test func commaFileWithBOMAndCRLFStillReads() throws {
        let bytes = Self.bom + Array(Self.commaUnits.split(separator: "\n").map { $0 + "\r\n" }.joined().utf8)
        let units = try UnitsFile(bytes: bytes, file: "u.csv")
        #expect(units.table.separator == .comma)
        #expect(units.units == (try UnitsFile(bytes: Array(Self.commaUnits.utf8), file: "u.csv")).units)
        #expect(units.units.first?.name == "Mỹ Hương; thôn 1")
    }

    @Test func headerSeparatedByBothIsRefusedAtItsFirstSemicolon() {
        // A blank line, then a header with `,` and `;`: the first `;` is line 2, column 5 (the BOM is no character).
        let error = failure { () throws(InputError) in
            _ = try UnitsFile(bytes: Self.excel(["", "code;name,kind,province;area_km2,population,cadres,civil_servants,non_professional",
                                                 "1;A,xã,P;30,8000,1,1,1"]), file: "u.csv")
        }
        #expect(error?.kind == .badData && error?.exitCode == 65)
        #expect(error?.line == 2 && error?.column == 5)
        #expect(error?.description.hasPrefix("u.csv:2:5: the header is separated by both \";\" and \",\"") == true)
        #expect(error?.message.contains("\"CSV UTF-8 (Comma delimited)\"") == true)
        #expect(error?.message.contains("\"CSV UTF-8 (Phân cách bằng dấu phẩy)\"") == true)
    }

    @Test func semicolonRowsUnderACommaHeaderAreNamed() {
        let error = failure { () throws(InputError) in
            _ = try UnitsFile(bytes: Array("code,name,kind,province,area_km2,population,cadres,civil_servants,non_professional\n1,A,xã,P,30,8000,1,1,1\n2;B;xã;P;30;8000;1;1;1\n".utf8), file: "u.csv")
        }
        #expect(error?.exitCode == 65 && error?.line == 3)
        #expect(error?.message.contains("this row has 1 fields but the header has 9; the header is separated by \",\" but this row seems separated by \";\"") == true)
        #expect(error?.message.contains("CSV UTF-8 (Comma delimited)") == true)
    }

    @Test func decimalCommaInACommaFileIsStillRefused() {
        let header = "code,name,kind,province,area_km2,population,cadres,civil_servants,non_professional\n"
        let quoted = failure { () throws(InputError) in
            _ = try UnitsFile(bytes: Array((header + "1,A,xã,P,\"12,5\",8000,1,1,1\n").utf8), file: "u.csv")
        }
        #expect(quoted?.exitCode == 65 && quoted?.line == 2 && quoted?.column == 10)
        #expect(quoted?.message == "area_km2 \"12,5\" uses a comma; the decimal mark is a point: write 12.5")
        // Unquoted, the comma separates: one field too many, located at it, as before.
        let unquoted = failure { () throws(InputError) in
            _ = try UnitsFile(bytes: Array((header + "1,A,xã,P,12,5,8000,1,1,1\n").utf8), file: "u.csv")
        }
        #expect(unquoted?.exitCode == 65 && unquoted?.line == 2 && unquoted?.column == 24)
        #expect(unquoted?.message == "this row has 10 fields but the header has 9; a field containing a comma must be quoted")
    }

    @Test func pointInASemicolonFileIsRefusedNotGuessed() {
        // 1.234 in a `;` file may be 1234 grouped the Vietnamese way, or 1.234: refused either way, at its cell.
        let error = failure { () throws(InputError) in
            _ = try UnitsFile(bytes: Self.excel([
                "code;name;kind;province;area_km2;population;cadres;civil_servants;non_professional",
                "1;A;xã;P;12,5;8000;1;1;1",
                "2;B;xã;P;1.234;8000;1;1;1",
            ]), file: "u.csv")
        }
        #expect(error?.exitCode == 65 && error?.line == 3 && error?.column == 10)
        #expect(error?.message.hasPrefix("area_km2 \"1.234\" holds a point, but in this \";\"-separated file the decimal mark is the comma") == true)
        // A comma used twice is no number.
        let twice = failure { () throws(InputError) in
            _ = try UnitsFile(bytes: Self.excel([
                "code;name;kind;province;area_km2;population;cadres;civil_servants;non_professional",
                "1;A;xã;P;1,234,5;8000;1;1;1",
            ]), file: "u.csv")
        }
        #expect(twice?.line == 2 && twice?.column == 10 && twice?.message.contains("after a comma") == true)
        // Thousands grouping in a whole-number column is refused as before.
        let grouped = failure { () throws(InputError) in
            _ = try UnitsFile(bytes: Self.excel([
                "code;name;kind;province;area_km2;population;cadres;civil_servants;non_professional",
                "1;A;xã;P;12,5;8.000;1;1;1",
            ]), file: "u.csv")
        }
        #expect(grouped?.line == 2 && grouped?.column == 15 && grouped?.message.contains("is not a whole number") == true)
    }

    @Test func tablesWithoutExpectedColumnsStayCommaSeparated() throws {
        // mergersim's own outputs are read without expected columns: a `;` inside a field (members `a;b`) is text.
        let own = try CSVTable(bytes: Array("new_code,members\n9,22753;22756\n".utf8), file: "units_after.csv")
        #expect(own.separator == .comma && own.records[0].fields == ["9", "22753;22756"])
        let semicolonsOnly = try CSVTable(bytes: Array("a;b\n1;2\n".utf8), file: "t.csv")
        #expect(semicolonsOnly.separator == .comma && semicolonsOnly.header == ["a;b"])
        // One known column and no separator at all is a `,` file, not a mixed one.
        let single = try CSVTable(bytes: Array("code\n1\n".utf8), file: "t.csv", expecting: ["code"])
        #expect(single.separator == .comma && single.records[0].fields == ["1"])
        // A `,` header that names a known column inside a `;`-holding name is still read as before when no `;` split names any.
        let text = try CSVTable(bytes: Array("code,note;x\n1,a;b\n".utf8), file: "t.csv", expecting: ["code"])
        #expect(text.separator == .comma && text.header == ["code", "note;x"])
    }
}
