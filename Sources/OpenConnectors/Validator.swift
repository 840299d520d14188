/// Checks form values against the parameter table and reports every problem found.
public enum Validator {
    /// Every problem with the parameters `ids` (all by default), in table order.
    public static func problems(
        in form: InstanceForm,
        for ids: [ParameterID] = ParameterID.allCases,
        expectedState: String? = nil
    ) -> [Problem] {
        let context = ValidationContext(form: form, expectedState: expectedState)
        let wanted = Set(ids)
        return ParameterTable.all.filter { wanted.contains($0.id) }.flatMap { problems(of: $0, context: context) }
    }

    /// The problems with a single parameter.
    public static func problems(of id: ParameterID, in form: InstanceForm, expectedState: String? = nil) -> [Problem] {
        problems(of: ParameterTable[id], context: ValidationContext(form: form, expectedState: expectedState))
    }

    /// Whether `row` needs a value given the rest of the form.
    public static func isRequired(_ row: Parameter, in form: InstanceForm) -> Bool {
        switch row.requirement {
        case .required, .fixed: true
        case .optional: false
        case .requiredWhenEventsEnabled: form.eventsEnabled
        }
    }

    /// Whether `row` matters at all given the rest of the form (event fields do not while events are off).
    public static func isActive(_ row: Parameter, in form: InstanceForm) -> Bool {
        switch row.id {
        case .eventsCallbackURL, .signatureKey: form.eventsEnabled
        default: true
        }
    }

    private static func problems(of row: Parameter, context: ValidationContext) -> [Problem] {
        guard isActive(row, in: context.form) else { return [] }
        let value = context.form.normalized(row.id)
        if value.isEmpty {
            guard isRequired(row, in: context.form) else { return [] }
            return [Problem(parameter: row.id, finding: .error("\(row.label) is required."), isMissing: true)]
        }
        var reported: Set<Problem> = []
        return row.rules.flatMap { $0.check(value, context) }.map { finding in
            Problem(parameter: row.id, finding: Finding(severity: finding.severity, message: "\(row.label) \(finding.message)"))
        }.filter { reported.insert($0).inserted }  // "a,,,b" has one empty-tag problem, not two
    }
}
