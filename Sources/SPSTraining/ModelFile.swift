import Foundation
import SPSNumeric

/// Saving and loading models as JSON: the architecture (layer kinds and sizes) and every weight.
public enum ModelFile {
    struct Document: Codable {
        var format = "sps-model"
        var version = 1
        var layers: [LayerRecord]
    }

    struct LayerRecord: Codable {
        var type: String
        var inputs: Int?
        var outputs: Int?
        var weight: [Float]?
        var bias: [Float]?
        var negativeSlope: Float?
        /// A layer written in sps (`type` "params"): its parameters' shapes and values, in order.
        var shapes: [[Int]]?
        var values: [[Float]]?
    }

    /// The JSON text of a model.
    public static func encode(_ model: any Layer) throws(DataError) -> String {
        var records: [LayerRecord] = []
        func add(_ layer: any Layer) throws(DataError) {
            switch layer {
            case let linear as Linear:
                records.append(LayerRecord(type: "linear", inputs: linear.inputSize, outputs: linear.outputSize,
                                           weight: linear.weight.value.storage, bias: linear.bias.value.storage))
            case let activation as Activation:
                records.append(LayerRecord(type: activation.kind.rawValue,
                                           negativeSlope: activation.kind == .leakyrelu ? activation.negativeSlope : nil))
            case let sequential as Sequential:
                for inner in sequential.layers { try add(inner) }
            default:
                // A layer whose computation is not data (a def written in sps): its parameters, in order. Loading
                // needs the code again: `loadParameters` puts them into a model made the same way.
                let parameters = layer.parameters
                records.append(LayerRecord(type: "params", shapes: parameters.map(\.value.shape), values: parameters.map(\.value.storage)))
            }
        }
        try add(model)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(Document(layers: records)), let text = String(data: data, encoding: .utf8) else {
            throw DataError("the model could not be encoded as JSON")
        }
        return text
    }

    /// Writes a model to a file atomically.
    public static func save(_ model: any Layer, path: String) throws(DataError) {
        let text = try encode(model) + "\n"
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            throw DataError(error.message)
        }
    }

    /// Reads a model written by `save`; a single linear layer comes back as `Linear`, anything else as `Sequential`.
    public static func load(path: String) throws(DataError) -> any Layer {
        return try decode(Data(try readDataFile(path)), source: path)
    }

    /// The parameters a file holds, in order (a linear layer's weight then bias; a layer written in sps, its
    /// params), for loading into a model made by the same code.
    public static func loadParameters(path: String) throws(DataError) -> [Tensor] {
        try decodeParameters(Data(try readDataFile(path)), source: path)
    }

    /// The parameters of a model file's JSON, in order, each with its shape.
    public static func decodeParameters(_ data: Data, source: String = "<json>") throws(DataError) -> [Tensor] {
        var result: [Tensor] = []
        for (index, record) in try document(data, source: source).layers.enumerated() {
            switch record.type {
            case "linear":
                guard let inputs = record.inputs, let outputs = record.outputs, let weight = record.weight, let bias = record.bias,
                      let w = try? Tensor(shape: [outputs, inputs], storage: weight), bias.count == outputs else {
                    throw DataError("\(source): layer \(index + 1) (linear) has missing or inconsistent sizes")
                }
                result += [w, Tensor(bias)]
            case "params":
                guard let shapes = record.shapes, let values = record.values, shapes.count == values.count else {
                    throw DataError("\(source): layer \(index + 1) (params) has missing or inconsistent sizes")
                }
                for (shape, storage) in zip(shapes, values) {
                    guard let t = try? Tensor(shape: shape, storage: storage) else {
                        throw DataError("\(source): layer \(index + 1) (params) has a param of shape \(Tensor.format(shape: shape)) with \(storage.count) values")
                    }
                    result.append(t)
                }
            default:
                guard ActivationKind(name: record.type) != nil else {
                    throw DataError("\(source): layer \(index + 1) has unknown type '\(record.type)'")
                }
            }
        }
        return result
    }

    /// The model file in `data`, read and checked to be an sps model of a version this build knows.
    static func document(_ data: Data, source: String) throws(DataError) -> Document {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let document: Document
        do {
            document = try decoder.decode(Document.self, from: data)
        } catch {
            throw DataError("\(source) is not an sps model file (\(error.localizedDescription))")
        }
        guard document.format == "sps-model", document.version == 1 else {
            throw DataError("\(source): unsupported model format \(document.format) version \(document.version)")
        }
        return document
    }

    /// Rebuilds a model from JSON, checking every size.
    public static func decode(_ data: Data, source: String = "<json>") throws(DataError) -> any Layer {
        let document = try document(data, source: source)
        var layers: [any Layer] = []
        for (index, record) in document.layers.enumerated() {
            if record.type == "linear" {
                guard let inputs = record.inputs, let outputs = record.outputs, let weight = record.weight, let bias = record.bias,
                      inputs > 0, outputs > 0, weight.count == inputs * outputs, bias.count == outputs,
                      let w = try? Tensor(shape: [outputs, inputs], storage: weight),
                      let layer = try? Linear(weight: w, bias: Tensor(bias)) else {
                    throw DataError("\(source): layer \(index + 1) (linear) has missing or inconsistent sizes")
                }
                layers.append(layer)
            } else if let kind = ActivationKind(name: record.type) {
                layers.append(Activation(kind, negativeSlope: record.negativeSlope ?? 0.01))
            } else if record.type == "params" {
                throw DataError("\(source): layer \(index + 1) was written in sps; its params load into a model made by the same code: load_model \"\(source)\" into=m")
            } else {
                throw DataError("\(source): layer \(index + 1) has unknown type '\(record.type)'")
            }
        }
        guard !layers.isEmpty else { throw DataError("\(source): the model has no layers") }
        if layers.count == 1, let linear = layers[0] as? Linear { return linear }
        return Sequential(layers)
    }
}
