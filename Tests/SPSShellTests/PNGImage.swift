/// A PNG read into RGB pixels, enough to look at a browser's screenshot: 8-bit truecolour with or without alpha,
/// not interlaced (what Chromium writes). The zlib stream is inflated here (RFC 1950/1951), so the tests need no
/// image library.
struct PNGImage {
    let width: Int
    let height: Int
    /// Red, green, blue per pixel, row by row.
    let rgb: [UInt8]

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(_ bytes: [UInt8]) throws {
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw Failure(description: "not a PNG") }
        func u32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        var at = 8, compressed: [UInt8] = []
        var header: (width: Int, height: Int, depth: UInt8, colour: UInt8, interlace: UInt8)?
        while at + 8 <= bytes.count {
            let length = u32(at), type = String(decoding: bytes[at + 4..<at + 8], as: UTF8.self)
            guard at + 12 + length <= bytes.count else { throw Failure(description: "truncated chunk \(type)") }
            let data = bytes[at + 8..<at + 8 + length]
            if type == "IHDR" {
                header = (u32(at + 8), u32(at + 12), data[data.startIndex + 8], data[data.startIndex + 9], data[data.startIndex + 12])
            } else if type == "IDAT" {
                compressed += data
            } else if type == "IEND" {
                break
            }
            at += 12 + length
        }
        guard let header, header.depth == 8, header.colour == 2 || header.colour == 6, header.interlace == 0 else {
            throw Failure(description: "only 8-bit RGB or RGBA, not interlaced, is read")
        }
        guard compressed.count > 2 else { throw Failure(description: "no image data") }
        var inflater = Inflater(Array(compressed.dropFirst(2)))
        let raw = try inflater.inflate()
        let channels = header.colour == 6 ? 4 : 3
        let stride = header.width * channels
        guard raw.count >= header.height * (stride + 1) else { throw Failure(description: "image data too short") }
        var pixels = [UInt8](repeating: 0, count: header.height * stride)
        for row in 0..<header.height {
            let filter = raw[row * (stride + 1)]
            let source = row * (stride + 1) + 1, target = row * stride
            for i in 0..<stride {
                let x = Int(raw[source + i])
                let left = i >= channels ? Int(pixels[target + i - channels]) : 0
                let up = row > 0 ? Int(pixels[target - stride + i]) : 0
                let upLeft = row > 0 && i >= channels ? Int(pixels[target - stride + i - channels]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = left
                case 2: predicted = up
                case 3: predicted = (left + up) / 2
                case 4:
                    let p = left + up - upLeft
                    let pa = abs(p - left), pb = abs(p - up), pc = abs(p - upLeft)
                    predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft
                default: throw Failure(description: "unknown row filter \(filter)")
                }
                pixels[target + i] = UInt8(truncatingIfNeeded: x + predicted)
            }
        }
        width = header.width
        height = header.height
        if channels == 3 {
            rgb = pixels
        } else {
            var opaque = [UInt8](repeating: 0, count: header.width * header.height * 3)
            for i in 0..<header.width * header.height {
                opaque[i * 3] = pixels[i * 4]
                opaque[i * 3 + 1] = pixels[i * 4 + 1]
                opaque[i * 3 + 2] = pixels[i * 4 + 2]
            }
            rgb = opaque
        }
    }

    /// How many pixels in the rows `rows` are within `tolerance` of the colour in each channel.
    func count(_ colour: (UInt8, UInt8, UInt8), tolerance: Int = 8, rows: Range<Int>? = nil) -> Int {
        let range = rows ?? 0..<height
        var n = 0
        for row in range.clamped(to: 0..<height) {
            for column in 0..<width {
                let i = (row * width + column) * 3
                if abs(Int(rgb[i]) - Int(colour.0)) <= tolerance && abs(Int(rgb[i + 1]) - Int(colour.1)) <= tolerance
                    && abs(Int(rgb[i + 2]) - Int(colour.2)) <= tolerance { n += 1 }
            }
        }
        return n
    }
}

/// A DEFLATE decoder (RFC 1951), after zlib's `puff.c`: stored, fixed and dynamic Huffman blocks.
struct Inflater {
    let input: [UInt8]
    var position = 0
    var bitBuffer = 0, bitCount = 0
    var output: [UInt8] = []

    init(_ input: [UInt8]) { self.input = input }

    /// A canonical Huffman code: how many codes of each length, and the symbols in code order.
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int]

        init(lengths: [Int]) {
            symbols = [Int](repeating: 0, count: lengths.count)
            for length in lengths { counts[length] += 1 }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    mutating func bits(_ need: Int) throws(PNGImage.Failure) -> Int {
        var value = bitBuffer
        while bitCount < need {
            guard position < input.count else { throw PNGImage.Failure(description: "compressed data ends early") }
            value |= Int(input[position]) << bitCount
            position += 1
            bitCount += 8
        }
        bitBuffer = value >> need
        bitCount -= need
        return value & ((1 << need) - 1)
    }

    mutating func decode(_ h: Huffman) throws(PNGImage.Failure) -> Int {
        var code = 0, first = 0, index = 0
        for length in 1...15 {
            code |= try bits(1)
            let count = h.counts[length]
            if code - count < first { return h.symbols[index + (code - first)] }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw PNGImage.Failure(description: "bad Huffman code")
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                               4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    static let fixed = (literals: Huffman(lengths: (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 }),
                        distances: Huffman(lengths: [Int](repeating: 5, count: 30)))

    /// The whole decompressed stream.
    mutating func inflate() throws(PNGImage.Failure) -> [UInt8] {
        var last = 0
        while last == 0 {
            last = try bits(1)
            switch try bits(2) {
            case 0: try stored()
            case 1: try codes(Self.fixed.literals, Self.fixed.distances)
            case 2:
                let (literals, distances) = try dynamicCodes()
                try codes(literals, distances)
            default: throw PNGImage.Failure(description: "bad block type")
            }
        }
        return output
    }

    mutating func stored() throws(PNGImage.Failure) {
        bitBuffer = 0
        bitCount = 0
        guard position + 4 <= input.count else { throw PNGImage.Failure(description: "stored block ends early") }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        position += 4
        guard position + length <= input.count else { throw PNGImage.Failure(description: "stored block ends early") }
        output += input[position..<position + length]
        position += length
    }

    mutating func dynamicCodes() throws(PNGImage.Failure) -> (Huffman, Huffman) {
        let literalCount = try bits(5) + 257, distanceCount = try bits(5) + 1, codeCount = try bits(4) + 4
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<codeCount { codeLengths[order[i]] = try bits(3) }
        let lengthCode = Huffman(lengths: codeLengths)
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(lengthCode)
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw PNGImage.Failure(description: "repeat with no previous length") }
                lengths += [Int](repeating: previous, count: 3 + (try bits(2)))
            case 17: lengths += [Int](repeating: 0, count: 3 + (try bits(3)))
            default: lengths += [Int](repeating: 0, count: 11 + (try bits(7)))
            }
        }
        return (Huffman(lengths: Array(lengths[0..<literalCount])),
                Huffman(lengths: Array(lengths[literalCount..<literalCount + distanceCount])))
    }

    mutating func codes(_ literals: Huffman, _ distances: Huffman) throws(PNGImage.Failure) {
        while true {
            let symbol = try decode(literals)
            if symbol < 256 {
                output.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let index = symbol - 257
            guard index < Self.lengthBase.count else { throw PNGImage.Failure(description: "bad length symbol") }
            let length = Self.lengthBase[index] + (try bits(Self.lengthExtra[index]))
            let d = try decode(distances)
            guard d < Self.distanceBase.count else { throw PNGImage.Failure(description: "bad distance symbol") }
            let distance = Self.distanceBase[d] + (try bits(Self.distanceExtra[d]))
            guard distance <= output.count else { throw PNGImage.Failure(description: "distance too far back") }
            let start = output.count - distance
            for i in 0..<length { output.append(output[start + i]) }
        }
    }
}
