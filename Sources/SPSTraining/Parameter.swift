import SPSAutodiff

/// A trainable tensor with its accumulated gradient: a leaf of the autodiff graph.
///
/// Layers own their parameters; optimizers update `value` in place from `gradient` (and call `markChanged()`).
/// Being autodiff variables, a model's parameters can be used directly in objectives written in sps.
public typealias Parameter = Variable
