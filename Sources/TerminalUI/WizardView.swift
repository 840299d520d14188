import Wizard

/// Draws the create wizard: its presenter turns the state into props, the screen frame draws them.
public struct WizardView {
    /// The smallest size the wizard draws a form in.
    public static let minimumWidth = ScreenFrame.minimumWidth
    public static let minimumHeight = ScreenFrame.minimumHeight

    let theme: Theme

    /// A view drawing with `theme`.
    public init(theme: Theme) { self.theme = theme }

    /// Draws `state` into a new buffer of the given size.
    public func render(_ state: CreateWizard, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        ScreenFrame(props: CreatePresenter.frame(state), theme: theme).render(into: Rect(x: 0, y: 0, width: width, height: height), buffer: &buffer)
        return buffer
    }
}
