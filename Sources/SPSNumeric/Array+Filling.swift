/// Arrays of one repeated value, made without the runtime's metadata lookup.
extension Array {
    /// `count` copies of `value`, as `Array(repeating:count:)`.
    ///
    /// On Linux, `Array(repeating:count:)` allocates through the standard library's unspecialized entry point,
    /// which looks the array's storage class up in the runtime's locked metadata cache on every call: about a
    /// third of a small array's cost, and a lock the threads of a `repeat` share. Copying from `repeatElement`
    /// is specialized in the caller and needs no lookup. Used on the paths that run at every training step.
    @inlinable
    public init(filling value: Element, count: Int) {
        self.init(repeatElement(value, count: count))
    }
}
