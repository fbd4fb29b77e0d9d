/// The series colours: the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies.
///
/// Series `i` takes colour `i % count` in both renderers; the terminal uses the nearest xterm-256 colour.
enum Palette {
    /// SVG colours, in series order (yellow last: it reads poorly on white).
    static let hex = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]
    /// The nearest xterm-256 colour numbers, parallel to `hex`.
    static let ansi256 = [25, 214, 36, 175, 74, 166, 250, 227]
    /// Stroke dash patterns for line series beyond the first, so lines differ without colour too.
    static let dashes = ["", "7 4", "2 3", "9 3 2 3", "4 4", "1 3", "12 4", "6 2 2 2"]
    /// Plain-text markers for scatter and line series when the terminal has no colour.
    static let markers: [Character] = ["•", "×", "+", "∘", "◆", "△", "▪", "*"]
    /// Full-cell fills for bar series when the terminal has no colour.
    static let fills: [Character] = ["█", "▓", "▒", "░"]

    /// The SVG colour of series `i`.
    static func color(_ i: Int) -> String { hex[i % hex.count] }
    /// The dash pattern of line series `i`.
    static func dash(_ i: Int) -> String { dashes[i % dashes.count] }
    /// The plain-text marker of series `i`.
    static func marker(_ i: Int) -> Character { markers[i % markers.count] }
}
