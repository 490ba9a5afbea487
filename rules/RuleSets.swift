import Foundation

/// The rule sets bundled with mergersim, as resource files.
public enum BundledRuleSets {
    /// The folder holding `<id>.yaml` for every bundled rule set.
    public static var folder: URL { Bundle.module.resourceURL!.appendingPathComponent("sets") }
}
