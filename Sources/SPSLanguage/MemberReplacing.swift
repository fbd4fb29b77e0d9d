/// A host object that never changes once made but takes member assignment the way a value does: `d.x4 = …` makes a
/// new object with the member set and rebinds the place (`d`) to it; other names for the old object keep the old
/// one, and runs of a study that share it see no change.
public protocol MemberReplacing: NativeObject {
    /// A new object like this one with member `name` set to `value`, or nil when the member cannot be set.
    func replacingMember(_ name: String, with value: Value, in interpreter: Interpreter) throws(RuntimeError) -> (any NativeObject)?
}
