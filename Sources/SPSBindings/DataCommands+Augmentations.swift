import SPSLanguage
import SPSNumeric
import SPSTraining

/// Augmentations beyond `noise`: `scale`, `permute`, `dropout`, `compose`, and `apply` to inspect any of them.
///
/// Every augmentation takes `p=`, the probability of applying it to a given batch. `dropout` therefore names its
/// per-row rate `rate=`, so the two never clash: `dropout x3 rate=0.5 p=0.2` zeroes half the x3 values of one
/// batch in five.
extension DataCommands {
    static let moreAugmentations: [Command] = [scale, permute, dropout, compose]

    /// `scale col by=…`: multiplies a column.
    static let scale = Command(
        "scale", topic: "augmentation", summary: "augmentation: multiply a column of every training batch by a factor",
        help: "`by=` may be a distribution, drawn per row (`scale x3 by=(uniform 0.5 1.5)`). Applied to training batches only; inspect with `apply a data`.",
        example: "s = scale x3 by=(uniform 0.5 1.5)\napply s train",
        parameters: [.positional("column", .columnName, "the feature column to scale"),
                     .keyword("by", numberOrDistribution, "the factor (a distribution is drawn per row)"),
                     probability]
    ) { (args: inout Arguments) throws(RuntimeError) in
        .native(AugmentationObject(.scale(column: try args.string("column"), by: try args.distribution("by"), probability: try probability(args))))
    }

    /// `permute col`: shuffles a column within the batch.
    static let permute = Command(
        "permute", topic: "augmentation", summary: "augmentation: shuffle a column within each training batch, breaking its link to the target",
        help: "Keeps the column's distribution but destroys its relation to the other columns and the target: a model trained with it cannot lean on that feature.",
        example: "fit m train epochs=30 aug=(permute x3)",
        parameters: [.positional("column", .columnName, "the feature column to shuffle"), probability]
    ) { (args: inout Arguments) throws(RuntimeError) in
        .native(AugmentationObject(.permute(column: try args.string("column"), probability: try probability(args))))
    }

    /// `dropout col rate=…`: zeroes values of a column.
    static let dropout = Command(
        "dropout", topic: "augmentation", summary: "augmentation: set a column to 0 in each row with probability rate",
        help: """
        `rate=` is the share of rows zeroed in a batch the augmentation applies to; `p=` (as on every augmentation) is
        the probability that it applies to a batch at all. `dropout x3 rate=0.5 p=0.2` zeroes half the x3 values of
        one batch in five.
        """,
        example: "d = dropout x3 rate=0.5\napply d train",
        parameters: [.positional("column", .columnName, "the feature column to zero"),
                     .keyword("rate", .number, default: .number(0.5), "the probability of zeroing each row's value"),
                     probability]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let rate = try args.number("rate")
        guard rate >= 0 && rate <= 1 else { throw RuntimeError("dropout: rate must be between 0 and 1, got \(formatNumber(rate))") }
        return .native(AugmentationObject(.dropout(column: try args.string("column"), rate: rate, probability: try probability(args))))
    }

    /// `compose a b …`: several augmentations in order.
    static let compose = Command(
        "compose", topic: "augmentation", summary: "augmentation: several augmentations applied in order",
        help: "Each part keeps its own `p=`; the `p=` of compose applies the whole chain to a batch with that probability. A single list of augmentations works too.",
        example: "aug = compose (noise x3 std=30) (permute x2 p=0.5)",
        parameters: [.variadic("parts", .any, "the augmentations, in order (or one list of them)"), probability]
    ) { (args: inout Arguments) throws(RuntimeError) in
        var values = args.rest("parts")
        if values.count == 1, case .list(let inner) = values[0] { values = inner.values }
        guard !values.isEmpty else { throw RuntimeError("compose needs at least one augmentation: compose (noise x3 std=30) (permute x2)") }
        var parts: [Augmentation] = []
        for (i, value) in values.enumerated() {
            guard let part = value.object as? AugmentationObject else {
                throw RuntimeError("compose: argument \(i + 1) is a \(value.typeName), not an augmentation (noise, scale, permute, dropout, compose)")
            }
            parts.append(part.augmentation)
        }
        return .native(AugmentationObject(.compose(parts, probability: try probability(args))))
    }

    /// `apply aug data`: what an augmentation does to a dataset.
    static let apply = Command(
        "apply", topic: "augmentation", summary: "a dataset with an augmentation applied to all of its rows at once, to inspect it",
        help: """
        Shows what training batches look like: the augmentation is applied to every row as if the dataset were one
        batch, drawing from the session's augmentation stream. The target and the other columns are unchanged.
        Training applies augmentations itself (`aug=`); `apply` is for looking.
        """,
        example: "apply (noise x3 std=30) train\ndescribe (apply (permute x3) train)",
        parameters: [.positional("augmentation", .object("Augmentation"), "the augmentation"),
                     .positional("data", .object("Dataset"), "the dataset")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        guard let augmentation = (args["augmentation"]?.object as? AugmentationObject)?.augmentation else {
            throw RuntimeError("apply needs an augmentation first: apply (noise x3 std=30) data")
        }
        let data = try args.dataset("data")
        let features = data.featureNames.joined(separator: ", ")
        for column in augmentation.columns where !data.featureNames.contains(column) {
            if column == data.targetName {
                throw RuntimeError("apply: '\(augmentation)' changes '\(column)', which is the target; augmentations change features only (\(features))")
            }
            throw RuntimeError("apply: '\(augmentation)' changes '\(column)', but there is no such feature; the features are \(features)\(Suggestions.hint(for: column, in: data.featureNames))")
        }
        let resolved = try converting { try augmentation.resolve(features: data.featureNames) }
        var rng = args.interpreter.nextStream(.augmentation)
        return .dataset(resolved.apply(to: data, rng: &rng))
    }
}
