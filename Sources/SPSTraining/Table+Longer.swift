extension Table {
    /// The table from wide to long form: for each row, a row per suffix of the stub columns (`val_100`,
    /// `val_200` → rows with `step` 100 and 200 and a column `val`), as pandas' `wide_to_long` makes it.
    ///
    /// A stub column is named stub + separator + suffix; with `numericSuffixes` only suffixes that read as numbers
    /// count (so `val_env` is not a checkpoint of `val`), and the new column `name` holds numbers, else the suffixes
    /// as text. Every other column is kept, repeated on each of its row's new rows. Suffixes come in order of first
    /// appearance; a stub missing a suffix gives NaN (or "") there.
    public func longer(stubs: [String], separator: String, name: String, numericSuffixes: Bool) throws(DataError) -> Table {
        var suffixes: [String] = []
        var sources: [String: [String: Int]] = [:]  // stub → suffix → column index
        var used = Set<Int>()
        for stub in stubs {
            let prefix = stub + separator
            for (c, column) in columns.enumerated() where column.name.hasPrefix(prefix) && column.name.count > prefix.count {
                let suffix = String(column.name.dropFirst(prefix.count))
                if numericSuffixes && Double(suffix).map({ !$0.isFinite }) ?? true { continue }
                if used.contains(c) { throw DataError("longer: the column '\(column.name)' matches two stubs") }
                used.insert(c)
                sources[stub, default: [:]][suffix] = c
                if !suffixes.contains(suffix) { suffixes.append(suffix) }
            }
            if sources[stub] == nil {
                throw DataError("longer: no column is named \(prefix)…\(numericSuffixes ? " with a number after it" : ""); the columns are \(columnNames.joined(separator: ", "))")
            }
        }
        let kept = columns.indices.filter { !used.contains($0) }
        for c in kept where columns[c].name == name || stubs.contains(columns[c].name) {
            throw DataError("longer: the table already has a column '\(columns[c].name)'; the long table makes one of that name")
        }
        var stubIsText: [String: Bool] = [:]
        for stub in stubs {
            let kinds = Set(sources[stub]!.values.map { c -> Bool in if case .strings = columns[c].values { true } else { false } })
            guard kinds.count == 1 else { throw DataError("longer: the columns \(stub)\(separator)… mix numbers and text") }
            stubIsText[stub] = kinds.first!
        }
        var result = Table([])
        for r in 0..<rowCount {
            for suffix in suffixes {
                var row = kept.map { (columns[$0].name, cell(row: r, column: $0)) }
                row.append((name, numericSuffixes ? .number(Double(suffix)!) : .string(suffix)))
                for stub in stubs {
                    if let c = sources[stub]?[suffix] { row.append((stub, cell(row: r, column: c))) } else {
                        row.append((stub, stubIsText[stub]! ? .string("") : .number(.nan)))
                    }
                }
                try result.append(row: row)
            }
        }
        return result
    }
}
