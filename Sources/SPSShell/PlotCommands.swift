import SPSBindings
import SPSLanguage
import SPSNumeric
import SPSPlot
import SPSTraining

#if canImport(Glibc)
import Glibc
#endif

/// Plots as values: `plot scatter|line|hist|box|bar …` and `grid`.
///
/// A plot is a value that draws itself when printed or echoed (in the terminal, sized to its width, coloured when
/// stdout is a terminal and NO_COLOR is unset), so plots can be kept and combined: `grid [p1, p2] cols=2`.
/// `to="file.svg"` writes an SVG instead and prints a one-line confirmation.
enum PlotCommands {
    static func all() -> [Command] { [plot, grid] }

    /// The kinds `plot` draws, with the names users may type.
    static let kinds: [String: Plot.Kind] = [
        "scatter": .scatter, "line": .line, "hist": .histogram, "histogram": .histogram, "box": .box, "bar": .bar,
    ]

    /// `plot kind data …`: one command, the kind first.
    static let plot = Command(
        "plot", topic: "plots", summary: "a scatter, line, histogram, box or bar plot: drawn in the terminal, or written as SVG with to=",
        help: """
        The first word is the kind; the data is a dataset, a table (a loop's history, a study, `compare` output), a
        record of columns ({a: t1, b: t2}) or, for hist and box, tensors:
          plot scatter d x=x3 y=y [by=env]      points; by= colours them by environment or by a column's values
          plot line t x=epoch y=[train_loss, ood_rmse]   one line per y column (x: default epoch, else the row number)
          plot hist d x3 bins=30                 counts of a column's values (or: plot hist t, t a tensor)
          plot box t cols=[iid, ood]             one box per column (or: plot box [t1, t2] names=[a, b])
          plot bar t x=param y=[truth, learned]  grouped bars, one group per x value (e.g. compare output);
                                                 err=[se] adds ± error bars from a column per y column
        The result is a plot value: echoed at the prompt (or printed: `print p`) it draws itself with Unicode,
        sized to the terminal (80 columns when unknown), in colour on a terminal unless NO_COLOR is set.
        `to="file.svg"` writes an SVG file instead (atomically) and prints where it went. `width=`/`height=` set the
        size: characters and lines in the terminal, pixels in an SVG. `title=`, `xlabel=`, `ylabel=` label it; by
        default the axes are labelled from the data (the column, or what several columns measure: `loss / rmse` for
        train_loss and ood_rmse), the title is the data's variable name (`l.history` for a loop's history), and the
        groups of `by=` are named `env 0`, `env 1`, … unless `names=[train, ood]` names them (in that order).
        Keep plots in variables and put them side by side with `grid`. Members: p.kind, p.title, p.xlabel, p.ylabel,
        p.series, p.notes, p.text (the drawing without colour), p.svg.
        """,
        example: "plot scatter train x=x3 y=y\np = plot box study cols=[iid, ood] title=\"RMSE over seeds\"\nplot line l.history y=[train_loss] to=\"loss.svg\"",
        parameters: [
            .positional("kind", .columnName, "scatter, line, hist, box or bar").choices(kinds.keys.sorted()),
            .positional("data", .any, "a dataset, table, record of columns, tensor or list of tensors"),
            .positional("column", .columnName, optional: true, "hist: the column to count (same as x=)"),
            .keyword("x", .columnName, optional: true, "the column along the x axis (bar: the category column)"),
            .keyword("y", .columnNames, optional: true, "the column(s) along the y axis"),
            .keyword("err", .columnNames, optional: true, "bar: the column(s) of ± error bars, one per y column"),
            .keyword("by", .columnName, optional: true, "scatter: colour points by env or by a column's values"),
            .keyword("cols", .columnNames, optional: true, "box: the columns to summarise"),
            .keyword("names", .columnNames, optional: true, "box: names for a list of tensors; scatter: names for the by= groups, in order"),
            .keyword("bins", .integer, default: .number(0), "hist: the number of bins (0 picks one)"),
            .keyword("title", .string, optional: true, "the title (default: the data's variable name)"),
            .keyword("xlabel", .string, optional: true, "the x axis label (default: the x column)"),
            .keyword("ylabel", .string, optional: true, "the y axis label (default: the y column)"),
            .keyword("width", .integer, optional: true, "width: terminal columns, or SVG pixels with to="),
            .keyword("height", .integer, optional: true, "height: terminal lines, or SVG pixels with to="),
            .keyword("to", .string, optional: true, "write an SVG file instead of drawing in the terminal"),
        ]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let kindName = try args.string("kind")
        guard let kind = kinds[kindName] else {
            throw RuntimeError("plot: unknown kind '\(kindName)'; use scatter, line, hist, box or bar\(Suggestions.hint(for: kindName, in: kinds.keys.sorted()))")
        }
        let data = try args.value("data")
        if kind != .bar, let err = args["err"], !err.isNil {
            throw RuntimeError("plot \(kindName): err= draws error bars on a bar chart (plot bar … err=[…])", at: args.location(of: "err"))
        }
        var plot: Plot
        switch kind {
        case .scatter: plot = try scatter(data, args)
        case .line: plot = try line(data, args)
        case .histogram: plot = try histogram(data, args)
        case .box: plot = try box(data, args)
        case .bar: plot = try bar(data, args)
        }
        if let title = try optionalString("title", args) {
            plot.title = title
        } else if let object = data.object, let name = args.interpreter.variableName(of: object) {
            plot.title = name
        } else if let origin = (data.object as? TableObject)?.origin {
            plot.title = origin  // `plot line l.history`: titled `l.history`
        }
        if let label = try optionalString("xlabel", args) { plot.xLabel = label }
        if let label = try optionalString("ylabel", args) { plot.yLabel = label }
        let object = PlotObject(.single(plot), width: try size("width", args), height: try size("height", args))
        return try deliver(object, args)
    }

    /// `grid [p1, p2] cols=2`: several plots in one figure.
    static let grid = Command(
        "grid", topic: "plots", summary: "several plots side by side in one figure (terminal, or one SVG with to=)",
        help: """
        Fills a grid row by row with `cols` plots per row (all in one row by default): e.g. the IID and the OOD scatter
        side by side. Like a plot, the result draws itself when echoed or printed; `to="both.svg"` writes one SVG.
        `width=`/`height=`: the whole figure's width and each row's height (characters, or pixels with to=).
        """,
        example: "a = plot scatter iid x=x3 y=y\nb = plot scatter ood x=x3 y=y\ngrid [a, b] cols=2 to=\"both.svg\"",
        parameters: [
            .variadic("plots", .any, "the plots (or one list of them)"),
            .keyword("cols", .integer, optional: true, "plots per row (default: all in one row)"),
            .keyword("title", .string, optional: true, "a title above the figure"),
            .keyword("width", .integer, optional: true, "the figure's width: terminal columns, or SVG pixels with to="),
            .keyword("height", .integer, optional: true, "each row's height: terminal lines, or SVG pixels with to="),
            .keyword("to", .string, optional: true, "write an SVG file instead of drawing in the terminal"),
        ]
    ) { (args: inout Arguments) throws(RuntimeError) in
        var values = args.rest("plots")
        if values.count == 1, case .list(let inner) = values[0] { values = inner.values }
        guard !values.isEmpty else { throw RuntimeError("grid needs at least one plot: grid [p1, p2] cols=2") }
        var plots: [Plot] = []
        for (i, value) in values.enumerated() {
            guard let object = value.object as? PlotObject else {
                throw RuntimeError("grid: item \(i + 1) is a \(value.typeName), not a plot (make one with plot scatter …)")
            }
            guard case .single(let plot) = object.content else {
                throw RuntimeError("grid: item \(i + 1) is already a grid; list its plots instead")
            }
            plots.append(plot)
        }
        var columns: Int?
        if let value = args["cols"], !value.isNil {
            let n = try args.integer("cols")
            guard n >= 1 else { throw RuntimeError("grid: cols must be at least 1, got \(n)") }
            columns = min(n, plots.count)
        }
        let title = try optionalString("title", args)
        let figure = Figure(plots, columns: columns, title: title ?? "")
        return try deliver(PlotObject(.figure(figure), width: try size("width", args), height: try size("height", args)), args)
    }

    // MARK: - Kinds

    /// `plot scatter d x=… y=… [by=…]`: one series, or one per group of `by`.
    static func scatter(_ data: Value, _ args: Arguments) throws(RuntimeError) -> Plot {
        let source = try ColumnSource(data, command: "plot scatter")
        guard let x = try optionalString("x", args) else {
            throw RuntimeError("plot scatter needs x=: the column along the x axis (the columns are \(source.names.joined(separator: ", ")))")
        }
        var yNames = source.defaultTarget.map { [$0] } ?? []
        if let given = try optionalNames("y", args) { yNames = given }
        guard yNames.count == 1, let y = yNames.first else {
            throw RuntimeError("plot scatter needs one y= column (the columns are \(source.names.joined(separator: ", ")))")
        }
        let xs = try source.numbers(x), ys = try source.numbers(y)
        var series: [Series] = []
        if let by = try optionalString("by", args) {
            let groups = try source.labels(by)
            // (found by fuzz-run: a record's columns can differ in length, and grouping indexed past the shorter)
            guard groups.count == xs.count && xs.count == ys.count else {
                throw RuntimeError("plot scatter: to group by \(by), the columns must have the same length; \(x) has \(xs.count) values, \(y) \(ys.count) and \(by) \(groups.count)")
            }
            var order: [String] = []
            var members: [String: [Int]] = [:]
            for (i, label) in groups.enumerated() {
                if members[label] == nil { order.append(label) }
                members[label, default: []].append(i)
            }
            guard order.count <= 20 else {
                throw RuntimeError("plot scatter: by=\(by) has \(order.count) different values; colour by a column with at most 20 (such as env)")
            }
            if groups.allSatisfy({ Double($0) != nil }) { order.sort { (Double($0) ?? 0) < (Double($1) ?? 0) } }
            // names=[train, ood] names the groups in their order (by value for numbers: env 0, then env 1).
            var names = order.map { "\(by) \($0)" }
            if let given = try optionalNames("names", args) {
                guard given.count == order.count else {
                    throw RuntimeError("plot scatter: names= has \(given.count) name\(given.count == 1 ? "" : "s") for the \(order.count) groups of by=\(by) (\(order.joined(separator: ", ")), in that order)")
                }
                names = given
            }
            for (label, name) in zip(order, names) {
                let rows = members[label] ?? []
                series.append(Series(name, xs: rows.map { xs[$0] }, ys: rows.map { ys[$0] }))
            }
        } else {
            if try optionalNames("names", args) != nil {
                throw RuntimeError("plot scatter: names= names the groups of by=; give by= too (plot scatter d x=\(x) y=\(y) by=env names=[…])")
            }
            series = [Series(xs: xs, ys: ys)]
        }
        return Plot.scatter(series, xLabel: x, yLabel: y)
    }

    /// `plot line t [x=…] y=[…]`: one series per y column, against x (default `epoch`, else the row number).
    static func line(_ data: Value, _ args: Arguments) throws(RuntimeError) -> Plot {
        let source = try ColumnSource(data, command: "plot line")
        var x = try optionalString("x", args)
        if x == nil && source.names.contains("epoch") { x = "epoch" }
        var xs: [Double]?
        if let x { xs = try source.numbers(x) }
        var yNames = source.numericNames.filter { $0 != x && $0 != "lr" && $0 != "seed" }
        if let given = try optionalNames("y", args) { yNames = given }
        guard !yNames.isEmpty else {
            throw RuntimeError("plot line needs y= columns to draw (the columns are \(source.names.joined(separator: ", ")))")
        }
        var series: [Series] = []
        for name in yNames {
            let ys = try source.numbers(name)
            series.append(xs.map { Series(name, xs: $0, ys: ys) } ?? Series(name, ys: ys))
        }
        return Plot.line(series, xLabel: x ?? "row", yLabel: axisLabel(for: yNames))
    }

    /// `plot hist d col bins=…`, or `plot hist t` for a tensor or list of numbers.
    static func histogram(_ data: Value, _ args: Arguments) throws(RuntimeError) -> Plot {
        let bins = try args.integer("bins")
        guard bins >= 0 && bins <= 1000 else { throw RuntimeError("plot hist: bins must be between 0 (automatic) and 1000, got \(bins)") }
        var column = try optionalString("column", args)
        if column == nil { column = try optionalString("x", args) }
        if case .tensor(let t) = data {
            guard column == nil else { throw RuntimeError("plot hist of a tensor takes no column; use plot hist d \(column ?? "x") with a dataset or table") }
            return Plot.histogram(t.storage.map(Double.init), bins: bins, name: "value")
        }
        if case .list = data, column == nil {
            return Plot.histogram(try numbers(of: data, what: "plot hist"), bins: bins, name: "value")
        }
        let source = try ColumnSource(data, command: "plot hist")
        guard let column else {
            throw RuntimeError("plot hist needs the column to count: plot hist d x3 (the columns are \(source.names.joined(separator: ", ")))")
        }
        return Plot.histogram(try source.numbers(column), bins: bins, name: column)
    }

    /// `plot box t cols=[…]`, or `plot box [t1, t2] names=[…]` for tensors.
    static func box(_ data: Value, _ args: Arguments) throws(RuntimeError) -> Plot {
        if case .list(let items) = data, items.contains(where: { $0.tensor != nil || $0.elements != nil }) {
            var names = items.indices.map { "\($0 + 1)" }
            if let given = try optionalNames("names", args) { names = given }
            guard names.count == items.count else {
                throw RuntimeError("plot box: names= has \(names.count) names for \(items.count) groups")
            }
            var groups: [BoxGroup] = []
            for (i, item) in items.enumerated() {
                groups.append(BoxGroup(names[i], values: try numbers(of: item, what: "plot box: group \(i + 1)")))
            }
            return Plot.box(groups)
        }
        if case .tensor(let t) = data {
            let name = try optionalNames("names", args)?.first
            return Plot.box([BoxGroup(name ?? "value", values: t.storage.map(Double.init))])
        }
        let source = try ColumnSource(data, command: "plot box")
        var columns = source.numericNames.filter { $0 != "seed" }
        if let given = try optionalNames("cols", args) { columns = given }
        guard !columns.isEmpty else { throw RuntimeError("plot box needs cols=[…] (the columns are \(source.names.joined(separator: ", ")))") }
        var groups: [BoxGroup] = []
        for name in columns { groups.append(BoxGroup(name, values: try source.numbers(name))) }
        return Plot.box(groups, valueLabel: axisLabel(for: columns))
    }

    /// `plot bar t x=category y=[…]`: one group of bars per category, one bar per y column.
    static func bar(_ data: Value, _ args: Arguments) throws(RuntimeError) -> Plot {
        let source = try ColumnSource(data, command: "plot bar")
        var chosen = try optionalString("x", args)
        if chosen == nil { chosen = source.stringNames.first }
        guard let x = chosen else {
            throw RuntimeError("plot bar needs x=: the column of category labels (the columns are \(source.names.joined(separator: ", ")))")
        }
        let categories = try source.labels(x)
        var yNames = source.numericNames.filter { $0 != x }
        if let given = try optionalNames("y", args) { yNames = given }
        guard !yNames.isEmpty else { throw RuntimeError("plot bar needs y= columns of values (the columns are \(source.names.joined(separator: ", ")))") }
        var errorNames: [String] = []
        if let given = try optionalNames("err", args) {
            guard given.count == yNames.count else {
                throw RuntimeError("plot bar: err= needs one column of error bars per y column (\(yNames.count): \(yNames.joined(separator: ", "))), got \(given.count)", at: args.location(of: "err"))
            }
            errorNames = given
        }
        var series: [BarSeries] = []
        for (i, name) in yNames.enumerated() {
            series.append(BarSeries(name, values: try source.numbers(name), errors: errorNames.isEmpty ? [] : try source.numbers(errorNames[i])))
        }
        return Plot.bar(categories: categories, series: series, xLabel: x, yLabel: yNames.count == 1 ? yNames[0] : "")
    }

    // MARK: - Helpers

    /// The label of a value axis drawn for `columns`: the column itself for one; for several, what their names
    /// measure when each ends in one (`train_loss`, `ood_rmse` → `loss / rmse`; `iid_rmse`, `ood_rmse` → `rmse`),
    /// else the names (`iid / ood`), or `value` when that would be long.
    static func axisLabel(for columns: [String]) -> String {
        guard columns.count > 1 else { return columns.first ?? "" }
        let suffixes = columns.map { name -> String? in
            guard let cut = name.lastIndex(of: "_"), cut != name.startIndex, name.index(after: cut) != name.endIndex else { return nil }
            return String(name[name.index(after: cut)...])
        }
        var measures: [String] = []
        if suffixes.allSatisfy({ $0 != nil }) {
            for suffix in suffixes.compactMap({ $0 }) where !measures.contains(suffix) { measures.append(suffix) }
        } else {
            for name in columns where !measures.contains(name) { measures.append(name) }
        }
        let label = measures.joined(separator: " / ")
        return measures.count <= 3 && label.count <= 40 ? label : "value"
    }

    /// Prints the confirmation and returns nil after writing an SVG with to= (or the command's `keyword`), else
    /// returns the plot value.
    static func deliver(_ object: PlotObject, _ args: Arguments, keyword: String = "to") throws(RuntimeError) -> Value {
        guard let path = try optionalString(keyword, args) else { return .native(object) }
        guard path.lowercased().hasSuffix(".svg") else {
            throw RuntimeError("\(args.command.name): \(keyword)= writes an SVG file, so the name must end in .svg, got \"\(path)\"", at: args.location(of: keyword))
        }
        do {
            try object.writeSVG(to: path)
        } catch {
            let reason = (error as? any CoreError)?.message ?? "cannot write '\(path)': \(error)"
            throw RuntimeError("\(args.command.name): \(reason)")
        }
        args.interpreter.output.write("wrote \(object.summary) to \(path)\n")
        return .nil
    }

    /// A string or column-name parameter, nil when not given.
    static func optionalString(_ name: String, _ args: Arguments) throws(RuntimeError) -> String? {
        guard let value = args[name], !value.isNil else { return nil }
        return try args.string(name)
    }

    /// A column-names parameter, nil when not given.
    static func optionalNames(_ name: String, _ args: Arguments) throws(RuntimeError) -> [String]? {
        guard let value = args[name], !value.isNil else { return nil }
        return try args.names(name)
    }

    /// A `width=`/`height=` parameter, checked.
    static func size(_ name: String, _ args: Arguments) throws(RuntimeError) -> Int? {
        guard let value = args[name], !value.isNil else { return nil }
        let n = try args.integer(name)
        guard n >= 1 && n <= 10_000 else { throw RuntimeError("\(args.command.name): \(name) must be between 1 and 10000, got \(n)") }
        return n
    }

    /// The numbers of a tensor or a list of numbers.
    static func numbers(of value: Value, what: String) throws(RuntimeError) -> [Double] {
        if let t = value.tensor { return t.storage.map(Double.init) }
        if let items = value.elements {
            let numbers = items.compactMap(\.number)
            if numbers.count == items.count { return numbers }
            if let i = items.firstIndex(where: { $0.number == nil }) {
                throw RuntimeError("\(what) needs a tensor or a list of numbers, but element \(i) of the list is \(items[i].typeName)\(items[i].repr.count <= 40 ? " " + items[i].repr : "")")
            }
        }
        throw RuntimeError("\(what) needs a tensor or a list of numbers, got \(value.typeName)")
    }
}

// MARK: - Columns of plottable data

/// Named columns from a dataset (its columns and `env`), a table, or a record of tensors and lists.
struct ColumnSource {
    /// A column's values: numbers, or text labels.
    enum Column { case numbers([Double]), labels([String]) }
    let what: String
    let command: String
    let columns: [(String, Column)]
    /// A dataset's target, the default y of a scatter plot.
    var defaultTarget: String?

    var names: [String] { columns.map(\.0) }
    var numericNames: [String] { columns.compactMap { if case .numbers = $0.1 { $0.0 } else { nil } } }
    var stringNames: [String] { columns.compactMap { if case .labels = $0.1 { $0.0 } else { nil } } }

    /// The columns of a dataset, table or record; other values are an error naming `command`.
    init(_ value: Value, command: String) throws(RuntimeError) {
        self.command = command
        switch value {
        case .native(let object as DatasetObject):
            let data = object.data
            what = "the dataset"
            var list: [(String, Column)] = data.columnNames.map { name in
                (name, .numbers(((try? data.column(named: name)) ?? Tensor([])).storage.map(Double.init)))
            }
            if let env = data.environment { list.append(("env", .numbers(env.map(Double.init)))) }
            columns = list
            defaultTarget = data.targetName
        case .native(let object as TableObject):
            what = "the table"
            columns = object.table.columns.map { column in
                switch column.values {
                case .numbers(let v): (column.name, .numbers(v))
                case .strings(let v): (column.name, .labels(v))
                }
            }
        case .record(let record):
            what = "the record"
            var list: [(String, Column)] = []
            for (name, field) in record.fields {
                if let t = field.tensor { list.append((name, .numbers(t.storage.map(Double.init)))); continue }
                if let n = field.number { list.append((name, .numbers([n]))); continue }
                guard let items = field.elements else {
                    throw RuntimeError("\(command): the field '\(name)' is a \(field.typeName); a record to plot holds tensors or lists")
                }
                let numbers = items.compactMap(\.number)
                if numbers.count == items.count { list.append((name, .numbers(numbers))); continue }
                list.append((name, .labels(items.map { $0.string ?? $0.description })))
            }
            columns = list
        default:
            throw RuntimeError("\(command) needs a dataset, a table or a record of columns, got \(value.typeName)")
        }
    }

    /// The numbers of a column (an error for a text column).
    func numbers(_ name: String) throws(RuntimeError) -> [Double] {
        switch try column(name) {
        case .numbers(let v): return v
        case .labels: throw RuntimeError("\(command): the column '\(name)' of \(what) holds text, not numbers")
        }
    }

    /// A column as labels (numbers formatted as the language prints them).
    func labels(_ name: String) throws(RuntimeError) -> [String] {
        switch try column(name) {
        case .numbers(let v): return v.map(formatNumber)
        case .labels(let v): return v
        }
    }

    /// A column by name, with a "did you mean" for an unknown name.
    func column(_ name: String) throws(RuntimeError) -> Column {
        if let found = columns.first(where: { $0.0 == name }) { return found.1 }
        throw RuntimeError("\(command): no column '\(name)' in \(what); the columns are \(names.joined(separator: ", "))\(Suggestions.hint(for: name, in: names))")
    }
}

// MARK: - The plot value

/// A plot or a grid of plots at the prompt: prints itself as its terminal drawing.
final class PlotObject: NativeObject {
    /// One plot, or a grid of them.
    enum Content {
        case single(Plot)
        case figure(Figure)
    }
    let content: Content
    /// Terminal columns/lines, or SVG pixels, when given.
    let width: Int?, height: Int?

    init(_ content: Content, width: Int? = nil, height: Int? = nil) {
        self.content = content
        self.width = width
        self.height = height
    }

    var typeName: String { "Plot" }
    /// A finished drawing: runs share it.
    var isolation: IsolationPolicy { .immutable }

    /// The terminal drawing, in colour when stdout is a terminal and NO_COLOR is unset.
    var description: String { render(color: Self.useColor) }

    /// Whether to colour terminal drawings.
    static var useColor: Bool { isatty(1) != 0 && getenv("NO_COLOR") == nil }

    /// The terminal drawing.
    func render(color: Bool) -> String {
        let columns = width ?? TerminalSize.columns ?? Plot.defaultWidth
        switch content {
        case .single(let plot): return plot.renderTerminal(width: columns, height: height, color: color)
        case .figure(let figure): return figure.renderTerminal(width: columns, height: height, color: color)
        }
    }

    /// The SVG document.
    var svg: String {
        switch content {
        case .single(let plot):
            return plot.renderSVG(width: Double(width ?? 640), height: Double(height ?? 400))
        case .figure(let figure):
            let cell = width.map { Double($0) / Double(figure.columns) } ?? 480
            return figure.renderSVG(cellWidth: cell, cellHeight: Double(height ?? 360))
        }
    }

    /// Writes the SVG atomically.
    func writeSVG(to path: String) throws {
        try AtomicFile.write(svg, to: path)
    }

    /// `scatter plot`, `grid of 2 plots`: for confirmations.
    var summary: String {
        switch content {
        case .single(let plot): return "\(plot.kind == .histogram ? "histogram" : "\(plot.kind.rawValue) plot")"
        case .figure(let figure): return "grid of \(figure.plots.count) plots"
        }
    }

    var memberNames: [String] { ["kind", "title", "xlabel", "ylabel", "series", "notes", "text", "svg", "plots"] }

    func member(_ name: String, in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        let plots: [Plot]
        switch content {
        case .single(let plot): plots = [plot]
        case .figure(let figure): plots = figure.plots
        }
        switch name {
        case "kind":
            if case .single(let plot) = content { return .string(plot.kind == .histogram ? "hist" : plot.kind.rawValue) }
            return .string("grid")
        case "title":
            if case .figure(let figure) = content { return .string(figure.title) }
            return .string(plots[0].title)
        case "xlabel", "ylabel":
            guard case .single(let plot) = content else { return .string("") }
            return .string(name == "xlabel" ? plot.xLabel : plot.yLabel)
        case "series": return .list(plots.flatMap(\.seriesNames).map { .string($0) })
        case "notes": return .list(plots.flatMap(\.notes).map { .string($0) })
        case "text": return .string(render(color: false))
        case "svg": return .string(svg)
        case "plots": return .number(Double(plots.count))
        default: return nil
        }
    }
}
