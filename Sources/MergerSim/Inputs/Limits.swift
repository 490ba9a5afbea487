/// The bounds mergersim holds every input to, so that what it accepts it can
/// compute on this machine: a value beyond them is refused where it is read,
/// never left to overflow, hang or exhaust memory later.
///
/// Each bound is far beyond any real case (the largest commune-level unit has
/// a few hundred staff) and is documented in the README.
public enum Limits {
    /// Monte Carlo replications of one run (`--runs`, `transition.runs`).
    public static let maxRuns = 100_000
    /// Years of a transition (`transition.years`).
    public static let maxYears = 100
    /// People of one staff category in one unit (a units file's headcount columns).
    public static let maxHeadcountPerCategory = 10_000
    /// People in all units together, after the plan (roster or headcounts).
    public static let maxPeople = 5_000_000
    /// Positions of one staffing envelope (`envelope.*`).
    public static let maxEnvelope = 10_000_000
    /// Years a date may fall in: effective dates, birth dates, rule-set dates.
    public static let years = 1900...2200
    /// The youngest age at which anyone works (Labour Code 2019, art. 143: workers from 15): nobody on a
    /// roster or priced by `package` is younger, nor insured for longer than the years since.
    public static let earliestWorkingAge = 15
    /// The longest output folder name, in UTF-8 bytes: a file system allows 255 for one
    /// name, and the hidden temporary folder beside it adds at most 45.
    public static let maxOutputNameBytes = 200
    /// The longest text of one unit's column that a report shows as it is, in UTF-16 code units: what one
    /// spreadsheet cell holds (Excel's 32,767), so the workbook never has to cut a unit's name.
    public static let maxTextCharacters = 32_767
}
