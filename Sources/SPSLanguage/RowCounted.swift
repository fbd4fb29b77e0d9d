/// A host object made of rows (a dataset, a table): `len` gives its number of rows, and indexing selects rows by
/// the rule of `IndexRule`.
public protocol RowCounted: NativeObject {
    /// The number of rows.
    var rowCount: Int { get }
}
