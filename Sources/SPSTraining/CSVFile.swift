import Foundation
import SPSNumeric
import SwiftCSV

/// Reading and writing datasets as CSV (header row, quoted fields, blank lines skipped), using SwiftCSV.
public enum CSVFile {
    /// Reads a CSV file into a dataset with `target` as the target column and every other column a feature.
    ///
    /// Every field must be a number (`nan` and `inf` are accepted); a row with the wrong number of fields or a
    /// non-numeric field is an error naming its line. An `environment`/`env` column, if present and named as
    /// `environmentColumn`, becomes the row's environment tag instead of a feature.
    public static func read(path: String, target: String?, environmentColumn: String? = nil) throws(DataError) -> Dataset {
        let bytes = try readDataFile(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DataError("cannot read '\(path)': it could not be read as UTF-8 text")
        }
        return try parse(text, target: target, environmentColumn: environmentColumn, source: path)
    }

    /// Parses CSV text (see `read`); `source` names it in errors.
    public static func parse(_ text: String, target: String?, environmentColumn: String? = nil, source: String = "<csv>") throws(DataError) -> Dataset {
        let csv: CSV<Enumerated>
        do {
            csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false, rowLimit: 0)
        } catch {
            throw DataError("\(source): \(describe(error))")
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces) }
        guard !header.isEmpty, header != [""] else { throw DataError("\(source): the file is empty (a header row is needed)") }
        if let duplicate = header.first(where: { name in header.filter { $0 == name }.count > 1 }) {
            throw DataError("\(source):1: the column '\(duplicate)' appears twice in the header")
        }
        let targetName = target ?? header[header.count - 1]
        guard let targetIndex = header.firstIndex(of: targetName) else {
            throw DataError("\(source): no column named '\(targetName)' for the target; the columns are \(header.joined(separator: ", "))")
        }
        let environmentIndex = environmentColumn.flatMap { header.firstIndex(of: $0) }
        let featureIndices = header.indices.filter { $0 != targetIndex && $0 != environmentIndex }

        final class Collector: @unchecked Sendable {
            var x: [Float] = [], y: [Float] = [], env: [Int] = []
            var line = 1, failure: DataError?
        }
        let collector = Collector()
        let width = header.count
        do {
            try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { (fields: [String]) in
                guard collector.failure == nil else { return }
                collector.line += 1
                let line = collector.line
                collector.line += fields.reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
                if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { return }
                guard fields.count == width else {
                    collector.failure = DataError("\(source):\(line): expected \(width) fields, got \(fields.count)")
                    return
                }
                var numbers: [Float] = []
                for (index, field) in fields.enumerated() {
                    let trimmed = field.trimmingCharacters(in: .whitespaces)
                    guard let value = parseNumber(trimmed) else {
                        collector.failure = DataError("\(source):\(line): column '\(header[index])' has '\(trimmed)', which is not a number")
                        return
                    }
                    numbers.append(value)
                }
                for index in featureIndices { collector.x.append(numbers[index]) }
                collector.y.append(numbers[targetIndex])
                if let environmentIndex { collector.env.append(Int(numbers[environmentIndex])) }
            }
        } catch {
            throw DataError("\(source): \(describe(error))")
        }
        if let failure = collector.failure { throw failure }
        let rows = collector.y.count
        let features = (try? Tensor(shape: [rows, featureIndices.count], storage: collector.x)) ?? Tensor.zeros([rows, featureIndices.count])
        return Dataset(unchecked: features, Tensor(collector.y), featureIndices.map { header[$0] }, targetName,
                       environmentIndex == nil ? nil : collector.env)
    }

    /// Writes a dataset as CSV (features, then the target, then `env` when tagged), atomically: to a temporary
    /// file beside `path`, then renamed over it, so an existing file is never left half-written.
    public static func write(_ data: Dataset, path: String) throws(DataError) {
        var header = data.columnNames
        if data.environment != nil { header.append("env") }
        var text = header.map(quote).joined(separator: ",") + "\n"
        text.reserveCapacity(data.count * (data.width + 1) * 10)
        let width = data.width
        for i in 0..<data.count {
            var fields = (0..<width).map { formatFloat(data.features.storage[i * width + $0]) }
            fields.append(formatFloat(data.target.storage[i]))
            if let env = data.environment { fields.append(String(env[i])) }
            text += fields.joined(separator: ",") + "\n"
        }
        try writeAtomically(text, path: path)
    }

    /// Writes a table as CSV (header, then rows; text quoted where needed), atomically.
    public static func write(_ table: Table, path: String) throws(DataError) {
        var lines = [table.columnNames.map(quote).joined(separator: ",")]
        for r in 0..<table.rowCount {
            lines.append(table.columns.indices.map { c in
                switch table.cell(row: r, column: c) {
                case .number(let x): "\(x)"
                case .string(let s): quote(s)
                }
            }.joined(separator: ","))
        }
        try writeAtomically(lines.joined(separator: "\n") + "\n", path: path)
    }

    static func writeAtomically(_ text: String, path: String) throws(DataError) {
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            throw DataError(error.message)
        }
    }

    /// Accepts decimal numbers and `nan`, `inf`, `-inf` in any case.
    static func parseNumber(_ text: String) -> Float? {
        switch text.lowercased() {
        case "nan": return .nan
        case "inf", "+inf", "infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: return Float(text)
        }
    }

    /// The shortest text that reads back as the same Float.
    static func formatFloat(_ value: Float) -> String {
        if value == value.rounded() && abs(value) < 1e7 { return String(Int(value)) }
        return "\(value)"
    }

    static func quote(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case CSVParseError.generic(let message), CSVParseError.quotation(let message): message
        default: "\(error)"
        }
    }
}

/// The largest data or model file sps reads (a guard against devices such as /dev/zero and runaway files).
public let maxReadableFileBytes = 2 << 30

/// The bytes of a data or model file, checked first by `checkReadable`; an error says why it cannot be read.
func readDataFile(_ path: String) throws(DataError) -> [UInt8] {
    try checkReadable(path)
    guard let bytes = FileBytes.read(path) else {
        let code = errno
        let reason = code == ENOENT ? "no such file" : code == EISDIR ? "it is a folder" : String(cString: strerror(code)).lowercased()
        throw DataError("cannot read '\(path)': \(reason)")
    }
    return bytes
}

/// Throws unless `path` is a regular file of a size sps can hold in memory; missing files and folders pass (their
/// readers report them).
func checkReadable(_ path: String) throws(DataError) {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return }
    let type = attributes[.type] as? FileAttributeType
    if type == .typeDirectory { throw DataError("cannot read '\(path)': it is a folder") }
    if type != .typeRegular { throw DataError("cannot read '\(path)': it is not a regular file") }
    let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
    if size > maxReadableFileBytes || !MemoryGuard.canAllocate(bytes: size &* 4) {
        throw DataError("cannot read '\(path)': the file is too large (\(MemoryGuard.describe(bytes: size)))")
    }
}
