import Foundation

// MARK: - Summarised printing, numpy/Julia style

extension Tensor: CustomStringConvertible {
    /// How many rows and columns printing shows at each edge of a large tensor.
    public static let printEdgeItems = 4
    /// Past this many rows or columns, printing shows only the edges with `⋮` / `…` between them.
    public static let printThreshold = 10

    /// A header naming shape and type, then the values with large axes summarised.
    public var description: String {
        switch rank {
        case 0: return Tensor.shortestText(storage.first ?? 0)
        case 1: return "\(shape[0])-element Tensor{Float32}" + (count == 0 ? "" : ":\n" + Tensor.grid(rows: 1, columns: shape[0], storage: storage))
        case 2:
            return "\(shape[0])×\(shape[1]) Tensor{Float32}" + (count == 0 ? "" : ":\n" + Tensor.grid(rows: shape[0], columns: shape[1], storage: storage))
        default:
            let header = shape.map(String.init).joined(separator: "×") + " Tensor{Float32}"
            let n = shape[rank - 1], m = count / Swift.max(n, 1)
            return header + (count == 0 ? "" : " (shown as \(m)×\(n)):\n" + Tensor.grid(rows: m, columns: n, storage: storage))
        }
    }

    /// The visible positions along an axis of `size`: all, or the edges with a nil gap marker between them.
    static func visible(_ size: Int) -> [Int?] {
        guard size > printThreshold else { return (0..<size).map { $0 } }
        return (0..<printEdgeItems).map { $0 } + [nil] + ((size - printEdgeItems)..<size).map { $0 }
    }

    /// Renders a row-major grid with right-aligned columns of a shared width.
    static func grid(rows: Int, columns: Int, storage: [Float]) -> String {
        let rowIndices = visible(rows), columnIndices = visible(columns)
        let shown = rowIndices.compactMap { $0 }.flatMap { i in columnIndices.compactMap { $0 }.map { storage[i * columns + $0] } }
        let style = NumberStyle(shown)
        let cells = rowIndices.map { i in
            columnIndices.map { j -> String in
                guard let i else { return j == nil ? "⋱" : "⋮" }
                guard let j else { return "…" }
                return style.format(storage[i * columns + j])
            }
        }
        let width = cells.flatMap { $0 }.map(\.count).max() ?? 1
        // The elided column (… and ⋱) stays one character wide; every other cell is right-aligned.
        return cells.map { row in
            " " + zip(row, columnIndices).map { cell, j in
                j == nil ? cell : String(repeating: " ", count: width - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// Formats one number for a message: integral values without a decimal point, others with 4 decimals.
    public static func formatNumber(_ value: Float) -> String {
        NumberStyle([value]).format(value)
    }

    /// A scalar as numbers print: integral values without a decimal point, others in the shortest form that reads
    /// back as the Float32 (`2.5`, `0.1`, `1e-05`).
    static func shortestText(_ value: Float) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "Inf" : "-Inf" }
        if value == value.rounded(), value.magnitude < 1e7 { return String(Int(value)) }
        return value.description
    }

    // MARK: - Inside lists and records

    /// Tensors of at most this many elements (of rank 1 or 2) print on one line inside a list or record.
    public static let inlineLimit = 10

    /// The one-line constructor form of a small tensor, as it prints inside a list or record: `tensor [1, 2, 3]`,
    /// `tensor [[0.5000, -1.2500], [3.0000, 4.0000]]` (numbers styled as in the grid); nil for a larger tensor,
    /// which prints as its header and grid on lines of their own.
    public var inlineDescription: String? {
        if rank == 0 { return "tensor " + description }
        if count == 0 { return description }
        guard rank <= 2, count <= Tensor.inlineLimit else { return nil }
        let style = NumberStyle(storage)
        let columns = shape[rank - 1]
        let rows = (0..<(count / columns)).map { r in
            "[" + (0..<columns).map { style.format(storage[r * columns + $0]) }.joined(separator: ", ") + "]"
        }
        return "tensor " + (rank == 1 ? rows[0] : "[" + rows.joined(separator: ", ") + "]")
    }
}

/// A shared format for a set of numbers: integers when all are integral, else 4 significant digits.
struct NumberStyle {
    let integral: Bool
    let scientific: Bool

    init(_ values: [Float]) {
        let finite = values.filter(\.isFinite)
        integral = finite.allSatisfy { $0 == $0.rounded() && abs($0) < 1e7 }
        let magnitudes = finite.map { abs($0) }.filter { $0 > 0 }
        let largest = magnitudes.max() ?? 0, smallest = magnitudes.min() ?? 0
        scientific = !integral && (largest >= 1e6 || smallest < 1e-4)
    }

    func format(_ value: Float) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "Inf" : "-Inf" }
        if integral { return String(Int(value)) }
        if scientific { return String(format: "%.4e", Double(value)) }
        return String(format: "%.4f", Double(value))
    }
}
