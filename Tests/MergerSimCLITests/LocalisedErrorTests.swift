import Foundation
import Testing
import MergerSimCLI
import MergerSimInputs
import MergerSimReports

/// Issue 23: the errors a planner meets with their own files are said in the chosen language (`--lang`, else the
/// scenario's `lang:`, else English) at the same `file:line:column:`; the English sentences are unchanged.
struct LocalisedErrorTests {
    static let unitsHeader = "code,name,kind,province,area_km2,population,cadres,civil_servants,non_professional\n"

    /// A units file with an unknown kind at line 2, column 9: named in Vietnamese with the Vietnamese kinds a file may use.
    @Test func aBadUnitsFileInVietnameseAndInEnglish() throws {
        let scratch = try Scratch()
        let units = try scratch.write("units.csv", Array((Self.unitsHeader + "A1,Xã A,village,P,12,1000,10,10,5").utf8))
        let vi = mergersim(["screen", units, "--lang", "vi", "--out", scratch.path("vi")])
        #expect(vi.code == 65)
        #expect(vi.error == "lỗi: \(units):2:9: kind \"village\" không thuộc các loại xã, phường, thị trấn, đặc khu, huyện đảo")
        let en = mergersim(["screen", units, "--out", scratch.path("en")])
        #expect(en.code == 65)
        #expect(en.error == "error: \(units):2:9: kind \"village\" is not one of commune (xã), ward (phường), town (thị trấn), "
                + "special_zone (đặc khu), island_district (huyện đảo)")
    }

    /// Excel's `;` file with a decimal point (line 2, column 14): the separator and how to save the file, in Vietnamese.
    @Test func aSemicolonFileWithADecimalPoint() throws {
        let scratch = try Scratch()
        let units = try scratch.write("units.csv", Array((Self.unitsHeader.replacingOccurrences(of: ",", with: ";")
                                                          + "A1;Xã A;xã;P;12.5;1000;10;10;5").utf8))
        let vi = mergersim(["screen", units, "--lang", "vi", "--out", scratch.path("vi")])
        #expect(vi.code == 65)
        #expect(vi.error == "lỗi: \(units):2:14: area_km2 \"12.5\" có dấu chấm, nhưng trong tệp phân cách bằng \";\" này dấu thập phân là "
                + "dấu phẩy (12,5) và dấu chấm có thể là dấu phân cách hàng nghìn: hãy ghi số không có dấu phân cách hàng nghìn, "
                + "phần thập phân sau dấu phẩy, hoặc lưu lại tệp từ Excel dưới dạng \"CSV UTF-8 (Phân cách bằng dấu phẩy)\"")
        let en = mergersim(["screen", units, "--lang", "en", "--out", scratch.path("en")])
        #expect(en.error == "error: \(units):2:14: area_km2 \"12.5\" holds a point, but in this \";\"-separated file the decimal mark is "
                + "the comma (12,5) and a point may group thousands: write the number without grouping and its decimals after a comma, "
                + "or save it from Excel as \"CSV UTF-8 (Comma delimited)\" (in Vietnamese Excel: \"CSV UTF-8 (Phân cách bằng dấu phẩy)\")")
    }

    /// A plan with a member twice (line 3, column 22): in Vietnamese when the scenario says `lang: vi`, with no `--lang`.
    @Test func aBadPlanInTheScenariosLanguage() throws {
        for (lang, expected) in [("vi", "lỗi: "), ("en", "error: ")] {
            let (scratch, scenario) = try phanRangScenario("name: bad-plan\nrules: vn-2023\neffective_date: 2024-11-01\nlang: \(lang)\n"
                                                           + "transition: {years: 2, runs: 2, seed: 1}")
            try scratch.write("plan.csv", Array("new_code,new_name,new_kind,member_code\n22759,Kinh Dinh,ward,22753\n22759,Kinh Dinh,ward,22753\n".utf8))
            let run = mergersim(["simulate", scenario, "--quiet", "--out", scratch.path("out")])
            #expect(run.code == 65)
            #expect(run.error.hasPrefix(expected))
            let sentence = lang == "vi" ? "plan.csv:3:22: đơn vị 22753 đã có trong đơn vị mới 22759 ở dòng 2"
                                        : "plan.csv:3:22: member 22753 is already in new unit 22759 on line 2"
            #expect(run.error.hasSuffix(sentence), "\(run.error)")
        }
    }

    /// A scenario value out of range, at its line and column (5:21), in the language of `--lang`.
    @Test func aBadScenarioValue() throws {
        let (scratch, scenario) = try phanRangScenario("name: bad-years\nrules: vn-2023\ntransition: {years: 0, runs: 2}")
        let vi = mergersim(["simulate", scenario, "--lang", "vi", "--quiet", "--out", scratch.path("vi")])
        #expect(vi.code == 65)
        #expect(vi.error == "lỗi: \(scenario):5:21: transition years phải từ 1 đến 100")
        let en = mergersim(["simulate", scenario, "--quiet", "--out", scratch.path("en")])
        #expect(en.error == "error: \(scenario):5:21: transition years must be from 1 to 100")
        let (_, runs) = try phanRangScenario("name: bad-runs\nrules: vn-2023\ntransition: {runs: 0}")
        // The limit is a number of the language: 100.000 in Vietnamese, 100,000 in English.
        #expect(mergersim(["simulate", runs, "--lang", "vi", "--quiet"]).error.hasSuffix(": transition runs phải từ 1 đến 100.000"))
        #expect(mergersim(["simulate", runs, "--quiet"]).error.hasSuffix(": transition runs must be from 1 to 100,000"))
    }

    /// An output folder that cannot be made (a file stands on its path): 73, in Vietnamese.
    @Test func anUnwritableOutputFolder() throws {
        let scratch = try Scratch()
        let units = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/units.csv").path
        let blocker = try scratch.write("a-file", [])
        let vi = mergersim(["screen", units, "--lang", "vi", "--out", blocker + "/run"])
        #expect(vi.code == 73)
        #expect(vi.error == "lỗi: \(blocker)/run: \(blocker) là một tệp nên không tạo được thư mục tại đó")
        let en = mergersim(["screen", units, "--out", blocker + "/run"])
        #expect(en.error == "error: \(blocker)/run: \(blocker) is a file, so the folder cannot be made there")
    }

    /// One reason of every sentence form (every `error.` label but the prefix): the common ones and each group's.
    static let reasons: [InputError.Reason] = commonReasons + yamlReasons + rulesReasons + scenarioReasons + sweepReasons + outputReasons
        + storeReasons + commandReasons

    /// One common reason of every sentence form.
    static let commonReasons: [InputError.Reason] = [
        .noSuchFile, .folderNotFile, .unreadableFile, .emptyFile, .controlCharacter(byte: "00"), .notUTF8(byte: "FF"), .unclosedQuote,
        .textAfterQuote, .quoteInUnquotedField, .unnamedColumn(3), .repeatedColumn("code"), .unknownKey("scop", in: "transfers", known: ["scope"]),
        .raggedRow(fields: 3, headerFields: 4, separator: .comma, looksSemicolonSeparated: true),
        .raggedRow(fields: 5, headerFields: 4, separator: .comma, looksSemicolonSeparated: false),
        .raggedRow(fields: 3, headerFields: 4, separator: .semicolon, looksSemicolonSeparated: false),
        .mixedSeparators, .missingColumns(["kind"], header: ["code", "name"]), .missingColumns(["kind", "area_km2"], header: ["code"]),
        .emptyField(column: "name"), .negative(column: "population", text: "-3"), .notWholeNumber(column: "population", text: "12,000"),
        .notWholeNumber(column: "population", text: "abc"), .pointInSemicolonFile(column: "area_km2", text: "1.5"),
        .outOfRange(column: "lat", text: "95", lowest: "-90", highest: "90"), .tooManyDecimals(column: "lat", text: "1.1234567", maxDecimals: 6),
        .notNumber(column: "lat", text: "x", maxDecimals: 6, separator: .comma), .notNumber(column: "lat", text: "x", maxDecimals: 6, separator: .semicolon),
        .decimalComma(column: "lat", text: "1,5", pointed: "1.5"), .notFlag(column: "border", text: "maybe"), .noUnits,
        .duplicateCode("A1", earlierLine: 2), .unknownKind(column: "kind", text: "village", names: ["commune", "ward"], vietnameseNames: ["xã", "phường"]),
        .missingArea, .missingPopulation, .missingHeadcount(column: "cadres"), .staffAboveResidents(staff: 20, population: 10),
        .unknownType(column: "type", text: "IV"), .halfCoordinate(given: "lat", missing: "lon"), .noPlanRows, .noMembers(newCode: "N1"),
        .unknownNewKind(text: "village"), .memberTwice(member: "A1", newCode: "N1", earlierLine: 2), .otherName(newCode: "N1", name: "B", firstLine: 2),
        .otherKind(newCode: "N1", firstLine: 2), .otherType(newCode: "N1", firstLine: 2), .unknownScenarioKey("nmae", known: ["name", "rules"]),
        .notDate(key: "effective_date", text: "2024-13-01", firstYear: 1900, lastYear: 2200), .unknownLanguage("fr"),
        .transitionYears(maxYears: 100), .transitionRuns(maxRuns: 100_000), .overrideForm, .overrideKeyPath("a..b"),
        .outputBlockedByFile("/tmp/a"), .outputParentNotWritable("/tmp"),
    ]

    /// The English label table says what the library's English sentence says, for every form; every form is sampled.
    @Test func theEnglishLabelsAreTheEnglishSentences() throws {
        let en = try Labels(.en)
        for reason in Self.reasons { #expect(reason.text(en) == reason.english, "\(reason.key)") }
        let keys = Set(try Labels.table(.en).keys.filter { $0.hasPrefix("error.") && !["error.prefix", "error.save_as"].contains($0) })
        #expect(keys == Set(Self.reasons.map { "error." + $0.key }))
    }
}

/// The English-word test, over the errors' Vietnamese sentences.
extension VietnameseWordsTests {
    /// A Vietnamese error sentence has no English word of the fixed list (its own values left out).
    @Test func aVietnameseErrorHasNoEnglishWord() throws {
        let vi = try Labels(.vi)
        for reason in LocalisedErrorTests.reasons {
            var text = reason.text(vi)
            for value in reason.values.values { text = text.replacingOccurrences(of: value, with: " ") }
            let found = Self.englishConsoleWords(vi("error.prefix") + text)
            #expect(found.isEmpty, "\(reason.key): \(found)")
        }
    }
}

/// The English-word test over `compare` and `sweep` in Vietnamese (issue 23: "propose and compare and sweep outputs").
extension VietnameseWordsTests {
    /// The English words of errors' and these consoles' own sentences, besides the fixed list.
    static let consoleEnglish: Set<String> = [
        "error", "wrote", "sweep", "setting", "settings", "stored", "already", "paired", "unpaired", "metric", "vs", "rows",
        "replications", "mean", "timeline", "unit", "absent", "seed", "scenario", "about", "left",
    ]

    /// The words of `text` on the fixed list or on ``consoleEnglish`` (codes and file names left out, as ``englishWords(_:)`` does).
    static func englishConsoleWords(_ text: String) -> [String] {
        let tokens = text.split(whereSeparator: \.isWhitespace).filter { token in
            !token.contains(where: \.isNumber) && !token.contains("/")
                && token.range(of: #"\.(csv|html|xlsx|json|yaml|sqlite)"#, options: .regularExpression) == nil
        }
        return englishWords(text) + tokens
            .flatMap { $0.split(whereSeparator: { !$0.isLetter && $0 != "_" }) }.map { $0.lowercased() }.filter(consoleEnglish.contains)
    }
    @Test func aVietnameseComparisonHasNoEnglishWord() throws {
        let scratch = try Scratch()
        let scenario = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        for (name, seed) in [("a", "1"), ("b", "2")] {
            let run = mergersim(["simulate", scenario, "--runs", "4", "--seed", seed, "--quiet", "--out", scratch.path(name)])
            #expect(run.code == 0, "\(run.error)")
        }
        let vi = mergersim(["compare", scratch.path("a"), scratch.path("b"), "--units", "--timeline", "--lang", "vi"])
        #expect(vi.code == 0, "\(vi.error)")
        let found = Self.englishConsoleWords(vi.out)
        #expect(found.isEmpty, "compare: \(Set(found).sorted())")
        let lines = vi.out.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("chỉ tiêu") == true)
        #expect(lines.contains { $0.hasPrefix("thiết lập khác nhau: số khởi tạo ngẫu nhiên") })
        #expect(lines.contains { $0.hasPrefix("Số đơn vị trước sắp xếp ") && $0.contains(" 5 ") })
        #expect(lines.contains { $0.hasPrefix("diễn biến năm 1, cán bộ: số dôi dư ") })
        // The CSV keeps the machine names, whatever the language.
        let written = mergersim(["compare", scratch.path("a"), scratch.path("b"), "--lang", "vi", "--out", scratch.path("c.csv")])
        #expect(written.out.hasPrefix("Đã ghi vào \(scratch.path("c.csv")): "))
        // (the headline differences first, issue 24)
        let rows = try csv(scratch.path("c.csv"))
        #expect(rows.first?["metric"] == "replications: mean surplus_at_deadline_cadres" && rows.contains { $0["metric"] == "setting: seed" })
        // English as before: machine names, "vs" columns.
        let en = mergersim(["compare", scratch.path("a"), scratch.path("b")])
        #expect(en.out.hasPrefix("metric "))
        #expect(en.out.contains("\nsetting: seed ") && en.out.contains("\nunits_before "))
    }

    @Test func aVietnameseSweepConsoleHasNoEnglishWord() throws {
        let scratch = try Scratch()
        let scenario = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        let file = try scratch.write("sweep.yaml", Array("name: uptake-vi\nscenario: \(scenario)\nvary:\n  rules.transition.exits.resignation_uptake: [0.1, 0.3]\nruns: 4\n".utf8))
        let first = mergersim(["sweep", file, "--lang", "vi", "--out", scratch.path("out")])
        #expect(first.code == 0, "\(first.error)")
        let again = mergersim(["sweep", file, "--lang", "vi", "--out", scratch.path("out")])
        #expect(again.code == 0, "\(again.error)")
        for text in [first.out, again.out] {
            let found = Self.englishConsoleWords(text)
            #expect(found.isEmpty, "sweep: \(Set(found).sorted())")
        }
        #expect(first.out.contains("bộ tham số 1, số khởi tạo ngẫu nhiên của kịch bản: chạy xong trong "))
        #expect(first.out.contains("Loạt chạy ") && first.out.contains(": 2 bộ tham số, 2 lần chạy; 2 lần chạy mới, 0 lần chạy đã lưu từ trước"))
        #expect(again.out.contains("bộ tham số 2, số khởi tạo ngẫu nhiên của kịch bản: đã lưu từ trước (lần chạy 2)"))
        #expect(again.out.contains("Đã ghi vào \(scratch.path("out"))/: "))
    }
}
