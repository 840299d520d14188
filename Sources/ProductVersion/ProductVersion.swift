/// The version of ocwizard: the one source for `--version` of every binary, the `User-Agent`
/// header, the Debian package and the release tarball.
///
/// A leaf with no dependencies, so the sandbox (which never imports `OpenConnectors`) shows the
/// same version. `Tests/OCWizardCLITests/ReleaseFilesTests.swift` checks that CHANGELOG.md's
/// newest entry names it.
public enum OCWizardVersion {
    /// Semantic version of this build.
    public static let current = "0.3.0"
}
