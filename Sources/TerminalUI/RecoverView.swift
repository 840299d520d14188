import Wizard

extension RecoverWizard: LoopProgram {
    public func render(width: Int, height: Int, theme: Theme) -> CellBuffer {
        RecoverView(theme: theme).render(self, width: width, height: height)
    }

    public var isBusy: Bool {
        if case .loading = listing { return true }
        return busy != nil || child?.busy != nil
    }
}

/// Draws `ocwizard recover`: its presenter turns the state into props, the screen frame draws them.
public struct RecoverView {
    let theme: Theme

    public init(theme: Theme) { self.theme = theme }

    /// Draws the state into a new buffer.
    public func render(_ state: RecoverWizard, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        if let props = RecoverPresenter.frame(state, height: height) {
            ScreenFrame(props: props, theme: theme).render(into: Rect(x: 0, y: 0, width: width, height: height), buffer: &buffer)
        }
        return buffer
    }
}
