import OpenConnectors

/// A dialog drawn over the current step; it takes the keys until closed.
public enum Modal: Sendable, Equatable {
    /// Help for a parameter (from the parameter table), or the key list when `nil`.
    case help(ParameterID?)
    /// "Quit without creating an instance?"
    case confirmQuit
    /// The scope picker: cursor row and the scopes ticked.
    case scopePicker(cursor: Int, chosen: [String])
    /// A freshly generated signature key, shown unmasked this once.
    case newSignatureKey(String)
    /// Saving the created instance to a file.
    case save(SaveDialog)
}

/// Common Microsoft Graph delegated scopes offered by the scope picker.
public enum ScopeCatalog {
    /// Scope names with a short reason to pick each.
    public static let common: [(name: String, summary: String)] = [
        ("offline_access", "needed for a refresh token (keep it)"),
        ("User.Read", "sign in and read the user's profile"),
        ("Calendars.Read", "read the user's calendars"),
        ("Calendars.ReadWrite", "read and change the user's calendars"),
        ("Calendars.Read.Shared", "read calendars shared with the user"),
        ("Calendars.ReadWrite.Shared", "change calendars shared with the user"),
        ("Mail.Read", "read the user's mail"),
        ("Mail.ReadWrite", "read and change the user's mail"),
        ("Mail.Send", "send mail as the user"),
        ("Contacts.Read", "read the user's contacts"),
        ("Contacts.ReadWrite", "read and change the user's contacts"),
        ("Files.Read", "read the user's files"),
        ("Files.ReadWrite", "read and change the user's files"),
        ("openid", "OpenID Connect sign-in"),
        ("profile", "basic profile in the ID token"),
        ("email", "email address in the ID token"),
    ]
}
