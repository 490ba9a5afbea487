import Foundation
import MergerSim
import Yams

/// A scenario file (see the README): which rules, which data, which settings.
/// Paths inside are relative to the scenario file's folder.
public struct Scenario: Sendable {
    /// The scenario file as given.
    public let file: String
    public let bytes: [UInt8]
    public let settings: Settings

    /// The folder the scenario's relative paths start from.
    public var folder: URL { URL(fileURLWithPath: file).deletingLastPathComponent() }

    /// A path of the scenario made absolute (relative ones from the scenario's folder).
    public func path(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : folder.appendingPathComponent(relative).standardizedFileURL.path
    }

    /// `path` (absolute, or relative to the current folder) written relative to the scenario's folder,
    /// for manifests: the same wherever the run was made.
    public func relative(_ path: String) -> String { Self.relative(path, from: folder) }

    /// `path` written relative to `folder` (with `..` where it lies outside it).
    public static func relative(_ path: String, from folder: URL) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let base = folder.standardizedFileURL.pathComponents
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...]
        return parts.joined(separator: "/")
    }

    /// The rule set of the scenario: a bundled id or a path (relative to the scenario).
    public func rulesLocation(_ idOrPath: String) -> String {
        RuleSetLoader.isBundled(idOrPath) ? idOrPath : path(idOrPath)
    }

    /// The date the merger takes effect, when the scenario gives one (checked when read); else the
    /// rule set's own (``ScenarioInputs/effectiveDate``).
    public let effectiveDate: CalendarDate?
    /// The decision on the arrangement, when the scenario gives one: the exit window runs from it.
    public let decisionDate: CalendarDate?
    /// Where `decision_date` is, to locate findings about it.
    let decisionPlace: InputError?
    /// Per-category deadlines the scenario sets.
    public let deadlines: [StaffCategory: CalendarDate]
    /// Where surplus people may move (none when the scenario has no `transfers`).
    public let transferSettings: TransferSettings
    /// Each province's class for R-2.6 (`province_classes`).
    public let provinceClasses: ProvinceClasses
    /// Party and mass-organisation posts a unit by province (R-4.7, `party_mass_org_posts`).
    public let partyMassOrgPosts: PartyMassOrgPostsByProvince
    /// Where `effective_date` is (or, without it, the file), to locate findings about it.
    let effectivePlace: InputError
    /// Where the transition's runs are set (or, without them, the file), to locate findings about them.
    let runsPlace: InputError
    /// The transition's `precision:`, checked: run until every headline figure is this precise.
    public let precision: Precision?

    /// Every `--set` given, in order (scenario keys and rule-set values).
    public let overrides: [Override]

    /// The keys `--set` may give at a key path of a scenario: nil where any key goes (province names).
    static func allowedKeys(_ prefix: [String]) -> Set<String>? {
        switch prefix {
        case []: knownKeys
        case ["transfers"]: transfersKeys
        case ["transition"]: transitionKeys
        case ["envelope"]: envelopeKeys
        case ["deadlines"]: deadlineKeys
        case ["province_classes"], ["party_mass_org_posts"]: nil
        default: []
        }
    }

    /// The keys a scenario may have, and those of its nested mappings.
    static let knownKeys: Set<String> = [
        "name", "rules", "rules_before", "effective_date", "decision_date", "units", "plan", "staff", "transfers", "envelope", "transition",
        "province_classes", "party_mass_org_posts", "deadlines", "lang", "pooled_quota",
    ]
    static let transfersKeys: Set<String> = ["scope", "max_km", "cross_category"]
    static let transitionKeys: Set<String> = ["years", "runs", "seed", "precision"]
    static let envelopeKeys = Set(EnvelopeCategory.allCases.map(\.rawValue))
    static let deadlineKeys = Set(StaffCategory.allCases.map(\.rawValue))

    /// Reads and checks the scenario file at `path` (66 unreadable, 65 malformed, with line and column).
    public init(path: String, overrides: [Override] = []) throws(InputError) {
        try self.init(bytes: try FileInput.read(path), file: path, overrides: overrides)
    }

    /// Checks a scenario's bytes: every key known at every level, every value
    /// of its type and within its bounds (``Limits``), the name a safe folder name.
    /// `overrides` (`--set`) aimed at the scenario replace its keys before the checks; those aimed at
    /// its rule sets are kept for ``ScenarioInputs``.
    ///
    /// Once the file is parsed its `lang:` is known: every later error carries it as its
    /// ``InputError/language`` (the command line's `--lang` still comes first).
    public init(bytes: [UInt8], file path: String, overrides: [Override] = []) throws(InputError) {
        var document = try YAMLDocument(bytes: bytes, file: path, what: "scenario")
        do {
            try document.apply(overrides.compactMap { o in o.target.0 == .scenario ? (o, o.target.1) : nil }, allowed: Self.allowedKeys)
        } catch {
            throw Self.said(error, in: Self.language(of: document))
        }
        do {
            try self.init(checking: document, bytes: bytes, file: path, overrides: overrides)
        } catch {
            throw Self.said(error, in: Self.language(of: document))
        }
    }

    /// The language a scenario document's `lang:` names, when it names one (read before the values are checked).
    private static func language(of document: YAMLDocument) -> Language? {
        document.root.mapping?["lang"]?.scalar.flatMap { Language(rawValue: $0.string) }
    }

    /// `error` said in `language` unless it already has a language.
    private static func said(_ error: InputError, in language: Language?) -> InputError {
        var error = error
        error.language = error.language ?? language
        return error
    }

    /// Checks the document's keys and values (see ``init(bytes:file:overrides:)``).
    private init(checking document: YAMLDocument, bytes: [UInt8], file path: String, overrides: [Override]) throws(InputError) {
        if let unknown = document.unknownTopLevelKeys(known: Self.knownKeys).first {
            throw document.error(atKey: unknown, reason: .unknownScenarioKey(unknown, known: Self.knownKeys.sorted()))
        }
        try document.checkKeys(at: ["transfers"], known: Self.transfersKeys, what: "transfers")
        try document.checkKeys(at: ["transition"], known: Self.transitionKeys, what: "transition")
        try document.checkKeys(at: ["envelope"], known: Self.envelopeKeys, what: "envelope")
        try document.checkKeys(at: ["deadlines"], known: Self.deadlineKeys, what: "deadlines")
        let settings = try document.decode(Settings.self)
        var effectiveDate: CalendarDate?
        if let text = settings.effectiveDate {
            guard let date = CalendarDate(iso: text) else {
                throw document.error(at: ["effective_date"], reason: .notDate(key: "effective_date", text: text, firstYear: Limits.years.lowerBound,
                                                                      lastYear: Limits.years.upperBound))
            }
            effectiveDate = date
        }
        var decisionDate: CalendarDate?
        if let text = settings.decisionDate {
            guard let date = CalendarDate(iso: text) else {
                throw document.error(at: ["decision_date"], reason: .notDate(key: "decision_date", text: text, firstYear: Limits.years.lowerBound,
                                                                     lastYear: Limits.years.upperBound))
            }
            decisionDate = date
        }
        if let lang = settings.lang, Language(rawValue: lang) == nil {
            throw document.error(at: ["lang"], reason: .unknownLanguage(lang))
        }
        if let problem = OutputName.problem(settings.name) {
            throw document.error(at: ["name"], reason: .scenario(.nameNotFolder(name: OutputName.printable(settings.name), problem: problem)))
        }
        var transferSettings = TransferSettings(scope: .none)
        if let transfers = settings.transfers {
            if let maxKm = transfers.maxKm, !(maxKm.isFinite && maxKm > 0) {
                throw document.error(at: ["transfers", "max_km"], reason: .scenario(.maxKmNotPositive(value: "\(maxKm)")))
            }
            let scope: TransferSettings.Scope
            switch transfers.scope {
            case .none: scope = .none
            case .district: scope = .district
            case .province: scope = .province
            case .radius:
                guard let maxKm = transfers.maxKm else {
                    throw document.error(at: ["transfers"], reason: .scenario(.radiusWithoutMaxKm))
                }
                scope = .radius(maxKm: maxKm)
            }
            transferSettings = TransferSettings(scope: scope, maxKm: transfers.maxKm, crossCategory: transfers.crossCategory ?? false)
        }
        for (category, value) in settings.envelope?.sortedByName ?? [] {
            guard (0...Limits.maxEnvelope).contains(value) else {
                throw document.error(at: ["envelope", category.rawValue],
                                     reason: .scenario(.envelopeRange(category: category.rawValue, max: Limits.maxEnvelope)))
            }
        }
        if let envelope = settings.envelope, envelope[.cadresCivilServants] != nil, envelope[.civilServants] != nil {
            throw document.error(at: ["envelope"], reason: .scenario(.envelopeBoth))
        }
        if let transition = settings.transition {
            if let years = transition.years, !(1...Limits.maxYears).contains(years) {
                throw document.error(at: ["transition", "years"], reason: .transitionYears(maxYears: Limits.maxYears))
            }
            if let runs = transition.runs, !(1...Limits.maxRuns).contains(runs) {
                throw document.error(at: ["transition", "runs"], reason: .transitionRuns(maxRuns: Limits.maxRuns))
            }
            if let precision = transition.precision {
                guard Precision(halfWidth: precision) != nil else {
                    throw document.error(at: ["transition", "precision"], reason: .scenario(.precisionNotPositive))
                }
                if let runs = transition.runs, runs < Precision.minimumRuns {
                    throw document.error(at: ["transition", "precision"], reason: .scenario(.precisionRuns(minimum: Precision.minimumRuns, runs: runs)))
                }
            }
        }
        var deadlines: [StaffCategory: CalendarDate] = [:]
        for (category, text) in settings.deadlines?.values ?? [:] {
            let name = category.rawValue
            guard let date = CalendarDate(iso: text) else {
                throw document.error(at: ["deadlines", name], reason: .notDate(key: "deadlines: \(name)", text: text, firstYear: Limits.years.lowerBound,
                                                                       lastYear: Limits.years.upperBound))
            }
            if let effectiveDate, !(effectiveDate < date) {
                throw document.error(at: ["deadlines", name], reason: .scenario(.deadlineNotAfterEffective(category: name, date: date, effective: effectiveDate)))
            }
            deadlines[category] = date
        }
        var posts = PartyMassOrgPostsByProvince()
        for (province, count) in settings.partyMassOrgPosts ?? [:] {
            guard (0...Self.maxPartyMassOrgPosts).contains(count) else {
                throw document.error(at: ["party_mass_org_posts", province], reason: .scenario(.partyPostsRange(max: Self.maxPartyMassOrgPosts)))
            }
            if province == Self.unlistedProvincesKey { posts.unlisted = count } else { posts.listed[province] = count }
        }
        self.file = path
        self.bytes = bytes
        self.settings = settings
        self.overrides = overrides
        self.effectiveDate = effectiveDate
        self.decisionDate = decisionDate
        self.decisionPlace = settings.decisionDate == nil ? nil : document.error(at: ["decision_date"], "")
        self.deadlines = deadlines
        self.transferSettings = transferSettings
        self.provinceClasses = ProvinceClasses(settings.provinceClasses ?? [:])
        self.partyMassOrgPosts = posts
        self.runsPlace = document.error(at: ["transition", "runs"], "")
        self.precision = settings.transition?.precision.flatMap(Precision.init(halfWidth:))
        self.effectivePlace = settings.effectiveDate == nil ? .badData(path, "") : document.error(at: ["effective_date"], "")
    }

    /// The scenario's language for people's reports (`lang:`), English when absent.
    public var language: Language { settings.lang.flatMap(Language.init(rawValue:)) ?? .en }

    /// The transfers in force in words, for manifests and comparisons: `scope=province cross_category=false`.
    public var transfersDescription: String {
        let t = transferSettings
        return "scope=\(t.scope.name.rawValue)" + (t.maxKm.map { " max_km=\($0)" } ?? "") + " cross_category=\(t.crossCategory)"
    }

    /// The scenario's envelopes, in a fixed order.
    public var envelopes: [(category: EnvelopeCategory, positions: Int)] {
        EnvelopeCategory.allCases.compactMap { category in settings.envelope?[category].map { (category, $0) } }
    }

    /// The most party and mass-organisation posts a unit may be given (`party_mass_org_posts`).
    static let maxPartyMassOrgPosts = 1_000

    /// The key of `party_mass_org_posts` that gives the posts of the provinces it does not list.
    public static let unlistedProvincesKey = "default"

    /// The scenario's keys, as written.
    public struct Settings: Decodable, Sendable {
        public var name: String
        public var rules: String
        /// The rule set that screens the units before the plan (default: the bundled one in force the day before the effective date).
        public var rulesBefore: String?
        /// `YYYY-MM-DD`; absent: the rule set's `in_force.from`.
        public var effectiveDate: String?
        /// `YYYY-MM-DD`: the decision on the arrangement; absent: the effective date.
        public var decisionDate: String?
        public var units: String
        public var plan: String
        public var staff: String?
        public var transfers: Transfers?
        /// Staffing envelopes by category (e.g. `cadres_civil_servants: 913`).
        public var envelope: NamedMap<EnvelopeCategory, Int>?
        public var transition: Transition?
        /// Province name → its class.
        public var provinceClasses: [String: ProvinceClass]?
        /// Party and mass-organisation posts a unit: province name → posts, and
        /// ``Scenario/unlistedProvincesKey`` (`default`) for the provinces not named.
        public var partyMassOrgPosts: [String: Int]?
        /// Deadlines by category, `YYYY-MM-DD`: e.g. `{non_professional: 2025-12-31}`.
        public var deadlines: NamedMap<StaffCategory, String>?
        /// The language of the report and workbook: `en` (default) or `vi`.
        public var lang: String?
        /// Cadres and civil servants as one pool against their combined quota, in place of the rule set's
        /// `quotas.pooled.value`: `false` shows a run under the 2025 law with the split of.
        public var pooledQuota: Bool?

        enum CodingKeys: String, CodingKey {
            case name, rules, units, plan, staff, transfers, envelope, transition, lang
            case rulesBefore = "rules_before"
            case effectiveDate = "effective_date"
            case decisionDate = "decision_date"
            case provinceClasses = "province_classes"
            case partyMassOrgPosts = "party_mass_org_posts"
            case deadlines
            case pooledQuota = "pooled_quota"
        }
    }

    public struct Transfers: Decodable, Sendable {
        public var scope: TransferSettings.Scope.Name
        public var maxKm: Double?
        public var crossCategory: Bool?

        enum CodingKeys: String, CodingKey {
            case scope
            case maxKm = "max_km"
            case crossCategory = "cross_category"
        }
    }

    public struct Transition: Decodable, Sendable {
        public var years: Int?
        public var runs: Int?
        public var seed: UInt64?
        /// Run until each headline figure's 95 % interval is within ±this of its mean (``Precision``).
        public var precision: Double?
    }
}
