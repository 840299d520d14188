/// The version of ocwizard, sent in `User-Agent` and shown by `--version`.
public enum OCWizardVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
