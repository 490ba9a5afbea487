import Foundation
import MergerSim
import RuleSets

/// A rule set as loaded: its values, where it came from, and the hash of its file.
public struct LoadedRuleSet: Sendable {
    public let rules: RuleSet
    /// `bundled` or the path given.
    public let source: String
    /// SHA-256 of the file's bytes, for the manifest.
    public let sha256: String
    /// Values given by `--set` in place of the file's (key paths within the rule set).
    public var overrides: [Override] = []
    /// Whether the file differs from the bundled rule set of the same id (a planner's edited copy).
    public var editedFromBundled: Bool {
        guard source != "bundled", case .success(let bundled)? = RuleSetLoader.bundledSets[rules.id] else { return false }
        return bundled.sha256 != sha256
    }
}

/// Finds and reads rule sets: bundled ones by id, a planner's own by path.
public enum RuleSetLoader {
    /// The ids of the bundled rule sets, sorted.
    ///
    /// - Throws: ``InputError`` 66 at the bundled folder where it cannot be listed (a broken installation).
    public static var bundledIDs: [String] {
        get throws(InputError) { try bundledListing.get() }
    }

    /// Whether `id` is a bundled rule set's id. Where the bundled folder cannot be listed, none is: a
    /// run then fails when it loads a rule set by id (``load(_:overrides:)`` throws the listing's error).
    public static func isBundled(_ id: String) -> Bool { bundledSets[id] != nil }

    /// The ids offered to shell completion: none where the bundled folder cannot be listed (completion
    /// cannot report an error; the command, when run, does).
    public static var completionIDs: [String] { bundledSets.keys.sorted() }

    /// The `.yaml` files of `folder` by id, sorted.
    ///
    /// - Throws: ``InputError`` 66 at `folder` where it cannot be listed.
    public static func ids(inFolder folder: URL) throws(InputError) -> [String] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw InputError(.unreadable, file: folder.path, reason: .ruleSet(.bundledUnlistable(detail: error.localizedDescription)))
        }
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The bundled folder's listing, made once per process.
    private static let bundledListing = Result { () throws(InputError) in try ids(inFolder: BundledRuleSets.folder) }

    /// The bundled rule sets, read and checked once per process (they are resources that cannot change);
    /// empty where the folder cannot be listed, whose error ``bundledIDs`` and ``load(_:overrides:)`` throw.
    static let bundledSets: [String: Result<LoadedRuleSet, InputError>] = {
        guard case .success(let ids) = bundledListing else { return [:] }
        return Dictionary(uniqueKeysWithValues: ids.map { id in
            (id, Result { () throws(InputError) -> LoadedRuleSet in
                let path = BundledRuleSets.folder.appendingPathComponent("\(id).yaml").path
                return try load(bytes: try FileInput.read(path), file: "\(id).yaml", source: "bundled")
            })
        })
    }()

    /// The bundled rule set that is the law on `date` (the latest to start, where two overlap), if any.
    public static func bundled(inForceOn date: CalendarDate) throws(InputError) -> LoadedRuleSet? {
        var found: LoadedRuleSet?
        for id in try bundledIDs {
            let loaded = try load(id)
            if loaded.rules.inForce.contains(date), found.map({ $0.rules.inForce.from < loaded.rules.inForce.from }) ?? true { found = loaded }
        }
        return found
    }

    /// Loads the bundled rule set `idOrPath`, or else the rule file at that path.
    ///
    /// - Throws: ``InputError``: 64 for an unknown id that is not a file
    ///   either, 66 for an unreadable file, 65 for a malformed one (with line and column).
    ///   `overrides` (`rules.transition.exits.resignation_uptake=0.3`) put their values in place before
    ///   the checks (64 for a key the rule set does not have, or a value its checks refuse).
    public static func load(_ idOrPath: String, overrides: [Override] = []) throws(InputError) -> LoadedRuleSet {
        if let bundled = bundledSets[idOrPath] {
            guard !overrides.isEmpty else { return try bundled.get() }
            let path = BundledRuleSets.folder.appendingPathComponent("\(idOrPath).yaml").path
            return try load(bytes: try FileInput.read(path), file: "\(idOrPath).yaml", source: "bundled", overrides: overrides)
        }
        guard idOrPath.contains("/") || idOrPath.hasSuffix(".yaml") || idOrPath.hasSuffix(".yml") else {
            let bundled = try bundledIDs
            throw InputError(.usage, file: idOrPath, reason: .ruleSet(.unknownID(bundled: bundled)))
        }
        return try load(bytes: try FileInput.read(idOrPath), file: idOrPath, source: idOrPath, overrides: overrides)
    }

    /// Every key path of the rule set `idOrPath` that holds a single value, with its value (`rules ID --keys`).
    public static func keyPaths(_ idOrPath: String, overrides: [Override] = []) throws(InputError) -> [(path: String, value: String)] {
        let path = bundledSets[idOrPath] != nil ? BundledRuleSets.folder.appendingPathComponent("\(idOrPath).yaml").path : idOrPath
        var document = try YAMLDocument(bytes: try FileInput.read(path), file: path, what: "rule file")
        try document.apply(overrides.map { ($0, $0.target.1) })
        return document.keyPaths()
    }

    /// The top-level keys of a rule file.
    static let knownKeys: Set<String> = [
        "id", "title", "title_vi", "in_force", "instruments", "citations", "instrument_names", "standards", "reductions", "screening", "merged_units", "classification", "quotas",
        "deadline", "reallocation", "transition", "plausible",
    ]

    /// Parses and checks a rule file's bytes.
    public static func load(bytes: [UInt8], file: String, source: String, overrides: [Override] = []) throws(InputError) -> LoadedRuleSet {
        var document = try YAMLDocument(bytes: bytes, file: file, what: "rule file")
        try document.apply(overrides.map { ($0, $0.target.1) })
        if let unknown = document.unknownTopLevelKeys(known: knownKeys).first {
            throw document.error(atKey: unknown, reason: .ruleSet(.unknownKey(unknown, known: knownKeys.sorted())))
        }
        let rules = try document.decode(RuleSet.self)
        try check(rules, document: document)
        return LoadedRuleSet(rules: rules, source: source, sha256: SHA256.hex(bytes), overrides: overrides)
    }

    /// Checks what decoding cannot: the default round exists, thresholds are
    /// ordered, one quota scheme is given, steps are positive, every R-id a value names is cited.
    private static func check(_ rules: RuleSet, document: YAMLDocument) throws(InputError) {
        func fail(_ path: [String], _ reason: RuleSetReason) -> InputError { document.error(at: path, reason: .ruleSet(reason)) }
        if let to = rules.inForce.to, to < rules.inForce.from { throw fail(["in_force"], .inForceOrder) }
        guard !rules.standards.isEmpty else { throw fail(["standards"], .noStandard) }
        for (i, standard) in rules.standards.enumerated() where standard.population <= 0 || standard.area.millionths <= 0 {
            throw fail(["standards", "\(i)"], .standardNotPositive(rule: standard.rule))
        }
        guard rules.screening.round(rules.screening.defaultRound) != nil else {
            throw fail(["screening", "default_round"], .defaultRoundUnknown(rules.screening.defaultRound))
        }
        let thresholds = rules.classification.thresholds
        guard thresholds.typeI > thresholds.typeII else {
            throw fail(["classification", "thresholds"], .typeThresholds)
        }
        for (i, table) in rules.classification.points.enumerated()
        where table.population.per.millionths <= 0 || table.area.per.millionths <= 0 {
            throw fail(["classification", "points", "\(i)"], .pointsStep(rule: table.rule))
        }
        guard (rules.quotas.combined == nil) != (rules.quotas.interimNorm == nil) else {
            throw fail(["quotas"], .quotaScheme)
        }
        if rules.quotas.combined != nil, rules.quotas.extras == nil {
            throw fail(["quotas"], .combinedNeedsExtras)
        }
        if let norm = rules.quotas.interimNorm, norm.residentsPerPost <= 0 || norm.residentsPerPostMountainous <= 0 {
            throw fail(["quotas", "interim_norm"], .residentsPerPost)
        }
        guard (rules.deadline.date == nil) != (rules.deadline.yearsAfterEffective == nil) else {
            throw fail(["deadline"], .deadlineForm)
        }
        if let years = rules.deadline.yearsAfterEffective, !(1...Limits.maxYears).contains(years) {
            throw fail(["deadline", "years_after_effective"], .deadlineYears(max: Limits.maxYears))
        }
        try checkExitKeys(rules.transition.exits, document: document)
        try checkTransition(rules.transition, fail: fail)
        try checkCitations(rules, document: document)
        try SensitivityParameters.checkPlausible(document)
    }

    /// Every R-id a value names (a `rule:` key anywhere in the file) has a citation in both languages, so a
    /// report can name the instrument beside it; every instrument a value names (an `instrument:` key) has its
    /// Vietnamese name under `instrument_names`.
    private static func checkCitations(_ rules: RuleSet, document: YAMLDocument) throws(InputError) {
        for (id, citation) in rules.citations where citation.en.isEmpty || citation.vi.isEmpty {
            throw document.error(at: ["citations", id], reason: .ruleSet(.citationIncomplete(id: id)))
        }
        for (name, vietnamese) in rules.instrumentNames ?? [:] where vietnamese.isEmpty {
            throw document.error(at: ["instrument_names", name], reason: .ruleSet(.instrumentNameEmpty(name: name)))
        }
        for (path, value) in document.keyPaths() where path == "instrument" || path.hasSuffix(".instrument") {
            guard rules.instrumentNames?[value] == nil else { continue }
            throw document.error(at: path.split(separator: ".").map(String.init),
                                 reason: .ruleSet(.instrumentUnnamed(path: path, instrument: value)))
        }
        for (path, value) in document.keyPaths() where path == "rule" || path.hasSuffix(".rule") {
            for id in Citation.ruleIDs(in: value) where rules.citations[id] == nil {
                throw document.error(at: path.split(separator: ".").map(String.init),
                                     reason: .ruleSet(.ruleUncited(path: path, id: id)))
            }
        }
    }

    /// `transition.exits` and its uptake table have only the keys they know: a misspelt route, window or
    /// band key would otherwise be read as absent and silently mean the default row.
    private static func checkExitKeys(_ exits: TransitionRules.Exits, document: YAMLDocument) throws(InputError) {
        let path = ["transition", "exits"]
        try document.checkKeys(at: path, known: TransitionRules.Exits.keys, what: "transition.exits")
        guard let table = exits.uptakeByTerms else { return }
        try document.checkKeys(at: path + ["uptake_by_terms"], known: UptakeTable.keys, what: "transition.exits.uptake_by_terms")
        for (route, rows) in [("early_retirement", table.earlyRetirement), ("resignation", table.resignation)] {
            for i in rows.indices {
                try document.checkKeys(at: path + ["uptake_by_terms", route, "\(i)"], known: UptakeTable.Row.keys,
                                       what: "a row of transition.exits.uptake_by_terms.\(route)")
            }
        }
    }

    /// Rates and uptakes are probabilities; the synthetic roster's distributions can be drawn from;
    /// the base salary schedule and the decrees are in date order; every window is ordered.
    private static func checkTransition(_ t: TransitionRules, fail: ([String], RuleSetReason) -> InputError) throws(InputError) {
        func probability(_ value: Double, _ path: [String]) throws(InputError) {
            guard value.isFinite, (0...1).contains(value) else {
                throw fail(path, .notProbability(path: path.joined(separator: "."), value: value))
            }
        }
        let exits = ["transition", "exits"]
        for category in StaffCategory.allCases {
            try probability(t.exits.voluntaryRate[category], exits + ["voluntary_rate", category.rawValue])
        }
        try probability(t.exits.earlyRetirementUptake, exits + ["early_retirement_uptake"])
        try probability(t.exits.resignationUptake, exits + ["resignation_uptake"])
        // The uptake table (R-5.3, NC): probabilities, each row's band of months early not empty.
        if let table = t.exits.uptakeByTerms {
            for (route, rows) in [("early_retirement", table.earlyRetirement), ("resignation", table.resignation)] {
                for (i, row) in rows.enumerated() {
                    let path = exits + ["uptake_by_terms", route, "\(i)"]
                    try probability(row.uptake, path + ["uptake"])
                    guard (row.minMonthsEarly ?? 0) >= 0, row.maxMonthsEarly.map({ $0 >= (row.minMonthsEarly ?? 0) }) ?? true else {
                        throw fail(path, .uptakeBand(path: path.joined(separator: ".")))
                    }
                }
            }
        }
        // Retirement after working age, never earlier for those who reach it later.
        let working = Limits.earliestWorkingAge
        for (sex, schedule) in [("men", t.retirement.men), ("women", t.retirement.women)] {
            guard schedule.before > working * 12, schedule.step >= 0, schedule.cap >= schedule.before else {
                throw fail(["transition", "retirement", sex], .retirement(sex: sex, months: working * 12, age: working))
            }
        }
        // Synthetic roster: the truncation windows must hold a real share of each normal distribution.
        let youngestRetirement = Double(min(t.retirement.men.before, t.retirement.women.before)) / 12
        for category in StaffCategory.allCases {
            let p = t.syntheticRoster[category], path = ["transition", "synthetic_roster", category.rawValue]
            try probability(p.femaleShare, path + ["female_share"])
            guard p.ageSD.isFinite, p.ageSD > 0, p.salaryCoefficientSD.isFinite, p.salaryCoefficientSD > 0 else {
                throw fail(path, .rosterSpread(category: category.rawValue))
            }
            guard p.minimumAge >= working, Double(p.minimumAge) < youngestRetirement - 1 else {
                throw fail(path + ["minimum_age"], .rosterMinimumAge(category: category.rawValue, workingAge: working, retirementAge: youngestRetirement))
            }
            guard p.insuredFromAge >= Double(working) else {
                throw fail(path + ["insured_from_age"], .rosterInsuredAge(category: category.rawValue, workingAge: working))
            }
            guard p.salaryCoefficientMean > 0, p.salaryCoefficientMean <= 20 else {
                throw fail(path + ["salary_coefficient_mean"], .rosterSalaryMean(category: category.rawValue))
            }
            let ageShare = normalShare(p.ageMean, p.ageSD, from: Double(p.minimumAge), to: youngestRetirement - 1.0 / 12)
            let salaryShare = normalShare(p.salaryCoefficientMean, p.salaryCoefficientSD, from: 1, to: .infinity)
            guard ageShare >= 1e-4, salaryShare >= 1e-4 else {
                throw fail(path, .rosterWindow(category: category.rawValue, minimumAge: p.minimumAge, ageShare: ageShare, salaryShare: salaryShare))
            }
        }
        // Base salary: in date order, positive.
        for (i, step) in t.baseSalary.schedule.enumerated() {
            guard step.vnd > 0 else { throw fail(["transition", "base_salary", "schedule", "\(i)"], .baseSalaryPositive) }
            if i > 0, !(t.baseSalary.schedule[i - 1].from < step.from) {
                throw fail(["transition", "base_salary", "schedule", "\(i)"], .baseSalaryOrder)
            }
        }
        guard !t.baseSalary.schedule.isEmpty else { throw fail(["transition", "base_salary"], .baseSalaryEmpty) }
        // Exit decrees.
        let law = t.exitLaw, lawPath = ["transition", "exit_law"]
        guard (1...120).contains(law.window.months) else { throw fail(lawPath + ["window", "months"], .exitWindowMonths) }
        try probability(law.nonProfessional.share, lawPath + ["non_professional", "share"])
        guard law.nonProfessional.monthlyAllowance.isFinite, law.nonProfessional.monthlyAllowance >= 0 else {
            throw fail(lawPath + ["non_professional"], .monthlyAllowance)
        }
        for (i, decree) in law.decrees.enumerated() {
            let path = lawPath + ["decrees", "\(i)"]
            if let to = decree.to, to < decree.from { throw fail(path, .decreeDates(id: decree.id)) }
            if i > 0, decree.from < law.decrees[i - 1].from { throw fail(path, .decreeOrder) }
            let partial = decree.partialYear
            guard (0...12).contains(partial.halfFromMonths), (1...12).contains(partial.wholeFromMonths),
                  partial.halfFromMonths <= partial.wholeFromMonths else {
                throw fail(path + ["partial_year"], .partialYear(id: decree.id))
            }
            // The pension terms in date order, the first in force when the decree starts.
            let pension = decree.earlyRetirement.pension
            guard let first = pension.first, !(decree.from < first.from) else {
                throw fail(path + ["early_retirement", "pension"], .pensionStart(id: decree.id, from: decree.from))
            }
            for (j, terms) in pension.enumerated() {
                let numbers = [terms.minInsuranceYears, terms.serviceFromYears, terms.serviceFirstMonths, terms.servicePerFurtherYear]
                guard numbers.allSatisfy({ $0.isFinite && $0 >= 0 }), j == 0 || pension[j - 1].from < terms.from else {
                    throw fail(path + ["early_retirement", "pension", "\(j)"],
                               .pensionOrder(id: decree.id))
                }
            }
            for formula in decree.earlyRetirement.bands + [decree.resignation] {
                let numbers = [formula.base, formula.withinFactor, formula.laterFactor, formula.perEarlyYear, formula.perInsuranceYear]
                guard formula.minMonthsEarly >= 0, formula.maxMonthsEarly.map({ $0 >= formula.minMonthsEarly }) ?? true,
                      formula.salaryMonthsCap >= 0, numbers.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                    throw fail(path, .formula(id: decree.id))
                }
            }
        }
    }

    /// The share of a normal distribution (mean, sd) between `from` and `to`.
    static func normalShare(_ mean: Double, _ sd: Double, from: Double, to: Double) -> Double {
        func cdf(_ x: Double) -> Double { x == .infinity ? 1 : 0.5 * erfc(-(x - mean) / (sd * 2.0.squareRoot())) }
        return max(0, cdf(to) - cdf(from))
    }
}
