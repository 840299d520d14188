import LineUI
import OpenConnectors

/// What `profile export` writes: the last run's values under the given flags, checked by the
/// rules create uses, with where each value came from.
struct ProfileExport {
    /// Where a value came from.
    enum Origin: Equatable {
        case flag
        case lastRun
    }

    /// The parameters a profile holds, in table order.
    static let parameters: [ParameterID] = ParameterTable.all.filter { $0.profileKey != nil && !$0.isSecret }.map(\.id)

    /// The values to write, by parameter.
    private(set) var values: [ParameterID: String] = [:]
    /// Where each value came from.
    private(set) var origins: [ParameterID: Origin] = [:]
    /// The name prefix to write, if any.
    let namePrefix: String?
    private let namePrefixOrigin: Origin?

    /// The export of `flags` over `lastRun`; `nil` when neither gives anything to write.
    init?(flags: [ParameterID: String], namePrefix flagPrefix: String?, lastRun: Profile?) {
        for id in Self.parameters {
            if let value = flags[id] {
                values[id] = value
                origins[id] = .flag
            } else if let value = lastRun?.values[id] {
                values[id] = value
                origins[id] = .lastRun
            }
        }
        if let flagPrefix {
            namePrefix = flagPrefix
            namePrefixOrigin = .flag
        } else {
            namePrefix = lastRun?.namePrefix
            namePrefixOrigin = namePrefix == nil ? nil : .lastRun
        }
        if values.isEmpty && namePrefix == nil { return nil }
    }

    /// Problems with the given values by create's rules; a value left out is not a problem (a
    /// profile may hold only some defaults).
    var problems: [Problem] {
        let form = InstanceForm(values: values)
        let given = Self.parameters.filter { values[$0].map { !Normalizer.trim($0).isEmpty } ?? false }
        return Validator.problems(in: form, for: given).filter { !$0.isMissing }
    }

    /// The profile JSON.
    var text: String { Profile.export(values, namePrefix: namePrefix) }

    /// The flag that sets a parameter here, for messages.
    func flag(of id: ParameterID) -> String {
        ParameterTable[id].flag ?? ParameterTable[id].wireKey
    }

    /// One line per written value: its profile key, the value and where it came from.
    var provenance: [String] {
        var lines = Self.parameters.compactMap { id -> String? in
            guard let value = values[id], let origin = origins[id], let key = ParameterTable[id].profileKey else { return nil }
            return "\(key) = \(TextSafety.visible(value))  (\(Self.describe(origin, flag: flag(of: id))))"
        }
        if let namePrefix, let namePrefixOrigin {
            lines.append("namePrefix = \(TextSafety.visible(namePrefix))  (\(Self.describe(namePrefixOrigin, flag: "--name-prefix")))")
        }
        return lines
    }

    private static func describe(_ origin: Origin, flag: String) -> String {
        switch origin {
        case .flag: "from \(flag)"
        case .lastRun: "from the last successful create"
        }
    }
}
