import OpenConnectors
import Synchronization

/// The review's request texts (the masked body and the curl command), kept for the last form they
/// were made from.
///
/// Making them walks the parameter table twice, parses the grant code and quotes every line for
/// the shell: a fifth of a review frame. The form does not change while the review is on screen
/// (moving between its buttons, scrolling, a banner), so every frame after the first takes them
/// from here; any edit makes a new form and new texts.
final class ReviewRequestTexts: Sendable {
    /// The one memo the create presenter uses.
    static let shared = ReviewRequestTexts()

    /// The texts for one form.
    struct Texts: Sendable, Equatable {
        /// The request body, pretty-printed, every secret masked.
        var body: String
        /// The same request as a curl command reading its secrets from the environment.
        var curl: String
    }

    private let last = Mutex<(form: InstanceForm, texts: Texts)?>(nil)

    /// The texts for `form`: made now, or the last ones when the form is the same.
    func texts(for form: InstanceForm) -> Texts {
        if let kept = last.withLock({ $0 }), kept.form == form { return kept.texts }
        let texts = Self.make(form)
        last.withLock { $0 = (form, texts) }
        return texts
    }

    /// Makes the texts from scratch.
    static func make(_ form: InstanceForm) -> Texts {
        Texts(body: InstanceRequest.body(from: form) { _, _ in Redaction.dots }.prettyText,
              curl: CurlCommand.create(baseURL: form.normalized(.baseURL), form: form))
    }
}
