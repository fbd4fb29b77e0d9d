import SPSNumeric

// MARK: - Adding, replacing, dropping, renaming and jointly shuffling columns

extension Dataset {
    /// Names a column may not take: the members every dataset has (`d.n`, `d.X` …) would hide it.
    public static let reservedNames: Set<String> = ["n", "features", "target", "columns", "env", "X", "Y"]

    /// Throws unless `name` may name a column: not empty, not a member name.
    public static func checkName(_ name: String) throws(DataError) {
        guard !name.isEmpty else { throw DataError("a column needs a name") }
        guard !reservedNames.contains(name) else {
            throw DataError("'\(name)' cannot name a column: it is a member of every dataset (\(reservedNames.sorted().joined(separator: ", "))); pick another name")
        }
    }

    /// The dataset with column `name` set to `values` (one per row): the target or an existing feature is replaced
    /// in place, a new name is added as the last feature. Environments are kept.
    public func settingColumn(_ name: String, to values: Tensor) throws(DataError) -> Dataset {
        try Dataset.checkName(name)
        guard values.count == count, values.rank <= 1 || values.shape.filter({ $0 != 1 }).count <= 1 else {
            throw DataError("column '\(name)' needs one value per row (\(count)), got a tensor of shape \(Tensor.format(shape: values.shape))")
        }
        let column = values.storage
        if name == targetName {
            return Dataset(unchecked: features, Tensor(column), featureNames, targetName, environment)
        }
        var x = features
        if let j = featureNames.firstIndex(of: name) {
            x.withUnsafeMutableBufferPointer { p in
                for i in 0..<count { p[i * width + j] = column[i] }
            }
            return Dataset(unchecked: x, target, featureNames, targetName, environment)
        }
        let joined = (try? Tensor.columnStack([features, Tensor(column)])) ?? features
        return Dataset(unchecked: joined.rank == 2 ? joined : Tensor.zeros([count, width + 1]),
                       target, featureNames + [name], targetName, environment)
    }

    /// The dataset without the named feature columns (the target cannot be dropped; environments are kept).
    public func dropping(_ names: [String]) throws(DataError) -> Dataset {
        for name in names {
            if name == targetName {
                throw DataError("'\(name)' is the target and cannot be dropped; the features are \(featureNames.joined(separator: ", "))")
            }
            guard featureNames.contains(name) else {
                throw DataError("no feature named '\(name)'; the features are \(featureNames.joined(separator: ", "))")
            }
        }
        return try select(featureNames.filter { !names.contains($0) })
    }

    /// The dataset with columns renamed (`old → new` pairs; the target may be renamed too).
    public func renaming(_ pairs: [(old: String, new: String)]) throws(DataError) -> Dataset {
        var names = columnNames
        for (old, new) in pairs {
            guard let k = columnNames.firstIndex(of: old) else {
                throw DataError("no column named '\(old)'; the columns are \(columnNames.joined(separator: ", "))")
            }
            try Dataset.checkName(new)
            names[k] = new
        }
        for (k, name) in names.enumerated() where names[..<k].contains(name) {
            throw DataError("renaming would give two columns the name '\(name)'")
        }
        return Dataset(unchecked: features, target, Array(names.dropLast()), names[names.count - 1], environment)
    }

    /// The dataset with the named columns' rows reordered by one random permutation shared by all of them (so
    /// their joint distribution is kept while their link to the other columns is broken); other columns and the
    /// environments stay where they are.
    public func shufflingColumns(_ names: [String], rng: inout RandomStream) throws(DataError) -> Dataset {
        for name in names where !columnNames.contains(name) {
            throw DataError("no column named '\(name)'; the columns are \(columnNames.joined(separator: ", "))")
        }
        let order = rng.permutation(count)
        var result = self
        for name in names {
            let column = try self.column(named: name).storage
            result = try result.settingColumn(name, to: Tensor(order.map { column[$0] }))
        }
        return result
    }
}
