import SPSBindings
import SPSLanguage
import SPSNumeric
import SPSPlot
import SPSTraining

/// `report`: a results table summarized as mean ± spread per row × column (× selection method), as text or as a
/// bar chart with error bars.
///
/// It is the shell's, beside `plot`, because one of its formats is a drawing.
enum ReportCommand {
    static let report = Command(
        "report", topic: "studies", summary: "mean ± standard error per row × column (× selection method) of a results table: a table, Markdown, LaTeX or a bar chart",
        help: """
        Summarizes a table such as `selection` gives: a cell per value of rows= (algorithms) and cols= (datasets, test
        environments), holding the mean of value= (default test) over the table's rows in it (the trials) ± its
        standard error, computed as DomainBed's collect_results: the standard deviation (n in the denominator) over
        √n; spread="std" shows the standard deviation instead, as InvarianceUnitTests does. A results table with a
        `method` column gives a section per selection method, headed with DomainBed's name for it. With several
        columns, Avg is the mean of the row's means (X when a cell has no results). digits= sets the decimals,
        scale=100 shows percent. format="table" (default) returns a table of text; "markdown" and "latex" (booktabs)
        return the text; "plot" returns a bar chart: a group of bars per column, a bar per row, the spread as ± error
        bars, and a chart per selection method side by side. file= writes the text atomically, or the chart as SVG
        (its format taken from .md, .tex or .svg when format= is not given). Rows, columns and sections keep the order
        of first appearance, so the same table gives the same report. width= and height= size the chart.
        """,
        example: "report sel rows=algorithm cols=dataset\nprint (report sel rows=algorithm cols=dataset format=\"markdown\")\nreport sel rows=algorithm cols=dataset format=\"plot\"\nreport sel rows=algorithm file=\"results.svg\"",
        parameters: [.positional("table", .object("Table"), "results: e.g. what selection returns"),
                     .keyword("rows", .columnName, default: .string("algorithm"), "the column whose values are the report's rows"),
                     .keyword("cols", .columnName, optional: true, "the column whose values are the report's columns"),
                     .keyword("value", .columnName, default: .string("test"), "the numbers to average"),
                     .keyword("format", .columnName, optional: true, "table, markdown, latex or plot").choices(formats),
                     .keyword("digits", .integer, default: .number(2), "decimal places"),
                     .keyword("scale", .number, default: .number(1), "multiplies every value first (100: percent)"),
                     .keyword("average", .bool, default: .bool(true), "add the column Avg (with several columns)"),
                     .keyword("spread", .columnName, default: .string("se"), "se: standard error (DomainBed); std: standard deviation").choices(["se", "std"]),
                     .keyword("file", .string, optional: true, "write the Markdown or LaTeX text, or the chart as SVG, to this file"),
                     .keyword("width", .integer, optional: true, "plot: the chart's width (terminal columns, or SVG pixels with file=)"),
                     .keyword("height", .integer, optional: true, "plot: the chart's height (terminal lines, or SVG pixels with file=)")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        guard let table = (try args.value("table").object as? TableObject)?.table else { throw RuntimeError("report needs a table") }
        var report = ResultsReport(rows: try args.string("rows"), columns: args["cols"] == nil ? nil : try args.string("cols"), value: try args.string("value"))
        report.digits = try args.integer("digits")
        guard (0...12).contains(report.digits) else { throw RuntimeError("digits must be between 0 and 12, got \(report.digits)", at: args.location(of: "digits")) }
        report.scale = try args.number("scale")
        guard report.scale.isFinite else { throw RuntimeError("scale must be a finite number", at: args.location(of: "scale")) }
        report.average = try args.bool("average")
        switch try args.string("spread") {
        case "se": report.showsDeviation = false
        case "std": report.showsDeviation = true
        case let other: throw RuntimeError("spread is se (standard error) or std (standard deviation), got '\(other)'", at: args.location(of: "spread"))
        }
        let file = args["file"] == nil ? nil : try args.string("file")
        var format = args["format"] == nil ? nil : try args.string("format")
        if format == nil, let file {
            let lower = file.lowercased()
            if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { format = "markdown" } else if lower.hasSuffix(".tex") { format = "latex" } else if lower.hasSuffix(".svg") { format = "plot" } else {
                throw RuntimeError("report: say format=\"markdown\", \"latex\" or \"plot\" for \(file) (or name it .md, .tex or .svg)", at: args.location(of: "file"))
            }
        }
        for name in ["width", "height"] where format != "plot" && args[name].map({ !$0.isNil }) == true {
            throw RuntimeError("report: \(name)= sizes a chart; say format=\"plot\"", at: args.location(of: name))
        }
        let sections = try converting { try report.sections(table) }
        let result: Value
        switch format ?? "table" {
        case "table":
            guard file == nil else { throw RuntimeError("report writes Markdown, LaTeX or SVG to a file; say format=\"markdown\", \"latex\" or \"plot\"", at: args.location(of: "format")) }
            return .table(report.table(sections))
        case "markdown": result = .string(report.markdown(sections))
        case "latex": result = .string(report.latex(sections))
        case "plot":
            let object = PlotObject(chart(sections, report), width: try PlotCommands.size("width", args),
                                    height: try PlotCommands.size("height", args))
            return try PlotCommands.deliver(object, args, keyword: "file")
        case let other:
            throw RuntimeError("unknown report format '\(other)' (use table, markdown, latex or plot)\(Suggestions.hint(for: other, in: formats))", at: args.location(of: "format"))
        }
        if let file, let text = result.string {
            try converting { try AtomicFile.write(text + "\n", to: file) }
        }
        return result
    }

    static let formats = ["table", "markdown", "latex", "plot"]

    /// The report as bar charts: per section, a group of bars per column label, a bar per row label with its mean
    /// and ± spread; one chart, or a chart per selection method side by side.
    static func chart(_ sections: [ResultsReport.Section], _ report: ResultsReport) -> PlotObject.Content {
        let plots = sections.map { section -> Plot in
            let series = section.rowLabels.indices.map { r in
                BarSeries(section.rowLabels[r],
                          values: section.cells[r].map { $0?.mean ?? .nan },
                          errors: section.cells[r].map { cell in cell.map { report.showsDeviation ? $0.deviation : $0.error } ?? 0 })
            }
            let spread = report.showsDeviation ? "± std" : "± se"
            let label = (report.scale == 1 ? report.value : "\(report.value) × \(formatCell(report.scale))") + " " + spread
            let title = section.method.map { SelectionMethod(rawValue: $0)?.title ?? $0 } ?? ""
            return Plot.bar(categories: section.columnLabels, series: series, title: title,
                            xLabel: report.columns ?? "", yLabel: label)
        }
        if plots.count == 1 { return .single(plots[0]) }
        return .figure(Figure(plots, columns: min(plots.count, 3)))
    }
}
