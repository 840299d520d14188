import Synchronization

/// Decides, answer by answer, whether a listing goes on: a next-page token not seen before,
/// within the page limit.
///
/// `advance` runs where the transport receives the answers (its own thread); the reader takes
/// the same decisions, in the same order, with `takeStep`.
final class PagingGuard: Sendable {
    /// What was decided for one answer.
    struct Step: Equatable {
        enum Stop: Equatable { case repeatedToken, pageLimit }
        /// The token the next page was asked for with; `nil` when paging ends here.
        var token: String?
        /// Why ocwizard ended paging here, if it did.
        var stop: Stop?
        /// How many pages were read, this one included.
        var pages: Int
    }

    private struct State {
        var used: Set<String> = []
        var pages = 0
        var steps: [Step] = []
    }
    private let state = Mutex(State())
    private let maximumPages: Int

    init(maximumPages: Int) { self.maximumPages = max(maximumPages, 1) }

    /// Decides for the next answer in order and keeps the decision for `takeStep`; returns the
    /// token of the page to ask for next.
    func advance(after response: HTTPResponse) -> String? {
        state.withLock { state in
            let step = Self.decide(after: response, in: &state, maximumPages: maximumPages)
            state.steps.append(step)
            return step.token
        }
    }

    /// Decides for the next answer in order, where one loop both sends and reads.
    func decide(after response: HTTPResponse) -> Step {
        state.withLock { Self.decide(after: response, in: &$0, maximumPages: maximumPages) }
    }

    private static func decide(after response: HTTPResponse, in state: inout State, maximumPages: Int) -> Step {
        state.pages += 1
        var step = Step(token: nextPageToken(response), stop: nil, pages: state.pages)
        if let token = step.token {
            if !state.used.insert(token).inserted {
                step.stop = .repeatedToken
            } else if state.pages >= maximumPages {
                step.stop = .pageLimit
            }
        }
        if step.stop != nil { step.token = nil }
        return step
    }

    /// The decision for the oldest answer the reader has not taken yet.
    func takeStep() -> Step {
        state.withLock { state in state.steps.isEmpty ? Step(token: nil, stop: nil, pages: state.pages) : state.steps.removeFirst() }
    }

    /// `elements-next-page-token` of a successful answer; `nil` when there is none or it is empty.
    static func nextPageToken(_ response: HTTPResponse) -> String? {
        guard (200..<300).contains(response.status) else { return nil }
        return response.header("elements-next-page-token").flatMap { $0.isEmpty ? nil : $0 }
    }
}
