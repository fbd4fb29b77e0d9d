import SPSNumeric
import SPSLanguage
import SPSTraining

/// Turning training-core values into language values and back.
extension Value {
    /// A table as a language value.
    package static func table(_ table: Table) -> Value { .native(TableObject(table)) }

    /// A dataset as a language value.
    package static func dataset(_ data: Dataset) -> Value { .native(DatasetObject(data)) }

    /// The dataset inside a value, or nil.
    package var dataset: Dataset? { (object as? DatasetObject)?.data }
}

extension Table {
    /// The table with every number at Float32 precision (`Double.atFloat32Precision`): for statistics measured on
    /// Float32 data (`describe`, `corr`), so a cell read back as a number prints in its shortest form.
    package var atFloat32Precision: Table {
        Table(columns.map { column in
            guard case .numbers(let v) = column.values else { return column }
            return Table.Column(column.name, numbers: v.map(Double.atFloat32Precision))
        })
    }
}

extension Arguments {
    /// A dataset parameter.
    package func dataset(_ name: String) throws(RuntimeError) -> Dataset {
        let value = try value(name)
        guard let data = value.dataset else {
            throw RuntimeError("argument '\(name)' of \(command.name) must be a dataset, got \(value.typeName)")
        }
        return data
    }

    /// A number or distribution parameter (a number is a constant).
    package func distribution(_ name: String) throws(RuntimeError) -> Distribution {
        let value = try value(name)
        if let n = value.number { return .constant(n) }
        if let d = value.object as? DistributionObject { return d.distribution }
        throw RuntimeError("argument '\(name)' of \(command.name) must be a number or a distribution (normal, uniform, …), got \(value.typeName)")
    }

    /// A list of metric names (`rmse`, `mae`, `mse`, `r2`), each checked with a did-you-mean.
    package func metrics(_ name: String) throws(RuntimeError) -> [Metric] {
        var result: [Metric] = []
        for text in try names(name) {
            guard let metric = Metric(rawValue: text) else {
                throw RuntimeError("unknown metric '\(text)'\(Suggestions.hint(for: text, in: Metric.allCases.map(\.rawValue)))")
            }
            result.append(metric)
        }
        return result
    }

    /// An optional integer parameter (checked like `integer`: a whole number, never truncated).
    package func optionalInteger(_ name: String) throws(RuntimeError) -> Int? {
        guard let value = self[name], !value.isNil else { return nil }
        return try integer(name)
    }

    /// An optional number parameter.
    package func optionalNumber(_ name: String) throws(RuntimeError) -> Double? {
        guard let value = self[name], !value.isNil else { return nil }
        return try number(name)
    }
}

/// The parameter type of "a number or a distribution drawn per row".
package let numberOrDistribution = ParameterType.oneOf([.number, .object("Distribution")])

/// How wide printed tables may be, in columns: the shell reports its terminal's width; nil (no limit) by default,
/// so pipes and tests never truncate. Process-wide (there is one terminal), behind a lock: sessions on several
/// threads may set and read it.
public enum DisplayWidth {
    private static let provider = Locked<@Sendable () -> Int?>({ nil })

    /// Sets where the width comes from (asked each time a table prints).
    public static func setProvider(_ columns: @escaping @Sendable () -> Int?) { provider.withLock { $0 = columns } }

    /// The width to print tables in, if limited.
    public static var columns: Int? { provider.withLock { $0 }() }
}

/// Runs code that may throw both core errors and runtime errors (or core errors of several types), turning each
/// core error into a runtime error with `RuntimeError(_: any CoreError)`; runtime errors pass through unchanged.
///
/// Code that throws one typed core error catches it and throws `RuntimeError(error)` instead.
package func converting<T>(_ body: () throws -> T) throws(RuntimeError) -> T {
    do {
        return try body()
    } catch let error as RuntimeError {
        throw error
    } catch let error as any CoreError {
        throw RuntimeError(error)
    } catch {
        // Not reached: the core throws only `CoreError`s. Kept so a foreign error still reads as its description.
        throw RuntimeError(String(describing: error))
    }
}
