/// The members a value offers after `.`: what `help`, completion and "did you mean" list.
extension Value {
    /// The readable members of this value (`m.weight`, `xs.count`, a record's fields); empty when it has none.
    public var memberNames: [String] {
        switch self {
        case .native(let o): return o.memberNames
        case .record(let r): return r.keys
        case .tensor: return Operators.tensorMembers
        case .list: return Operators.listMembers
        default: return []
        }
    }
}
