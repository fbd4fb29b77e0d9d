import Foundation

/// Sends runs to an MLflow tracking server through its REST API (`/api/2.0/mlflow/…`): one MLflow run per sps run
/// (a run the experiment already has from an earlier export is not sent again),
/// in the named experiment (created if missing), with its seed, grid values and the study's settings as params,
/// what it recorded as metrics (step 0), its per-epoch history as metrics with the epoch as step, and its study,
/// script hash and command as tags. Batches stay within `runs/log-batch`'s limits: 1,000 metrics, 100 params and
/// 100 tags per request, 1,000 entities in all.
public struct MLflowExport: Sendable {
    /// The server, e.g. `http://127.0.0.1:5000`.
    public var url: String
    /// Seconds to wait for one request.
    public var timeout: Double = 30

    public static let maxMetrics = 1000, maxParams = 100, maxTags = 100, maxEntities = 1000

    public init(url: String) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    /// What was sent.
    public struct Sent: Sendable, Equatable {
        public var runs = 0
        public var requests = 0
        /// Runs left out because the experiment has them already (sent by an earlier export).
        public var alreadyThere = 0
    }

    // MARK: - Request and response bodies

    struct KeyValue: Codable, Sendable, Equatable { var key: String; var value: String }
    struct Metric: Codable, Sendable, Equatable { var key: String; var value: Double; var timestamp: Int64; var step: Int64 }
    struct ExperimentByName: Decodable { struct Experiment: Decodable { var experiment_id: String }; var experiment: Experiment }
    struct CreateExperiment: Encodable { var name: String }
    struct CreatedExperiment: Decodable { var experiment_id: String }
    struct CreateRun: Encodable { var experiment_id: String; var start_time: Int64; var run_name: String; var tags: [KeyValue] }
    struct CreatedRun: Decodable { struct Run: Decodable { struct Info: Decodable { var run_id: String }; var info: Info }; var run: Run }
    struct LogBatch: Encodable, Sendable, Equatable { var run_id: String; var metrics: [Metric]; var params: [KeyValue]; var tags: [KeyValue] }
    struct UpdateRun: Encodable { var run_id: String; var status: String; var end_time: Int64 }
    struct Empty: Decodable {}
    struct SearchRuns: Encodable { var experiment_ids: [String]; var filter: String; var max_results: Int; var page_token: String? }
    /// `runs/search`'s answer: each run's start time (a number, or a string as protobuf's JSON writes an int64)
    /// and tags, and the token of the next page.
    struct FoundRuns: Decodable {
        struct Run: Decodable {
            struct Info: Decodable {
                var start_time: Int64?
                init(from decoder: any Decoder) throws {
                    let c = try decoder.container(keyedBy: Key.self)
                    if let number = try? c.decode(Int64.self, forKey: .start_time) {
                        start_time = number
                    } else if let text = try? c.decode(String.self, forKey: .start_time) {
                        start_time = Int64(text)
                    } else {
                        start_time = nil
                    }
                }
                enum Key: String, CodingKey { case start_time }
            }
            struct Data: Decodable { var tags: [KeyValue]? }
            var info: Info
            var data: Data?
        }
        var runs: [Run]?
        var next_page_token: String?
    }

    // MARK: - Export

    /// Sends `entries` (each with its study from `studies`) to the experiment named `experiment`.
    public func export(_ entries: [RunEntry], studies: [Int64: StudyRecord], experiment: String) throws(RunLogError) -> Sent {
        var sent = Sent()
        let experimentID = try experimentID(named: experiment, sent: &sent)
        var there: Set<String> = []
        for study in Set(entries.map(\.run.studyID)).sorted() {
            there.formUnion(try exported(study: study, experimentID: experimentID, sent: &sent))
        }
        for entry in entries {
            let study = studies[entry.run.studyID]
            let start = Int64(entry.run.started * 1000)
            if there.contains(Self.identity(study: entry.run.studyID, run: entry.run.id ?? 0, start: start)) {
                sent.alreadyThere += 1
                continue
            }
            var tags = [KeyValue(key: "sps.study", value: String(entry.run.studyID)),
                        KeyValue(key: "sps.run", value: String(entry.run.id ?? 0))]
            if let study {
                tags.append(KeyValue(key: "sps.script_hash", value: study.scriptHash))
                tags.append(KeyValue(key: "sps.script", value: study.scriptName))
                tags.append(KeyValue(key: "sps.version", value: study.spsVersion))
                tags.append(KeyValue(key: "sps.command", value: String(study.command.prefix(4000))))
            }
            let created: CreatedRun = try post("runs/create", CreateRun(experiment_id: experimentID, start_time: start,
                                                                        run_name: "sps-\(entry.run.studyID)-\(entry.run.id ?? 0)", tags: []), sent: &sent)
            let runID = created.run.info.run_id
            for batch in Self.batches(for: entry, study: study, tags: tags, runID: runID) {
                let _: Empty = try post("runs/log-batch", batch, sent: &sent)
            }
            let status = switch entry.run.status {
            case .finished: "FINISHED"
            case .failed: "FAILED"
            case .interrupted: "KILLED"
            case .running: "RUNNING"
            case .submitted: "SCHEDULED"
            }
            let end = Int64((entry.run.ended ?? entry.run.started) * 1000)
            let _: Empty = try post("runs/update", UpdateRun(run_id: runID, status: status, end_time: end), sent: &sent)
            sent.runs += 1
        }
        return sent
    }

    /// How an exported run is recognised in the experiment: its study and run ids (the `sps.study` and `sps.run` tags)
    /// and its start time in milliseconds (two run logs can both have a study 1 with a run 1; not started at the
    /// same millisecond).
    static func identity(study: Int64, run: Int64, start: Int64) -> String { "\(study)/\(run)/\(start)" }

    /// The identities of the runs of study `study` that the experiment holds already, page by page.
    func exported(study: Int64, experimentID: String, sent: inout Sent) throws(RunLogError) -> Set<String> {
        var found: Set<String> = [], token: String?
        repeat {
            let page: FoundRuns = try post("runs/search", SearchRuns(experiment_ids: [experimentID], filter: "tags.`sps.study` = '\(study)'",
                                                                     max_results: 1000, page_token: token), sent: &sent)
            for run in page.runs ?? [] {
                let tags = run.data?.tags ?? []
                guard let id = tags.first(where: { $0.key == "sps.run" }).flatMap({ Int64($0.value) }), let start = run.info.start_time else { continue }
                found.insert(Self.identity(study: study, run: id, start: start))
            }
            token = page.next_page_token.flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return found
    }

    /// The log-batch requests for one run, each within the limits.
    static func batches(for entry: RunEntry, study: StudyRecord?, tags: [KeyValue], runID: String) -> [LogBatch] {
        let timestamp = Int64((entry.run.ended ?? entry.run.started) * 1000)
        var params = [KeyValue(key: "seed", value: String(entry.run.seed))]
        for cell in (study?.params ?? []) + entry.grid { params.append(KeyValue(key: cell.name, value: text(cell.value))) }
        var metrics: [Metric] = []
        for cell in entry.recorded {
            if case .number(let x) = cell.value, x.isFinite { metrics.append(Metric(key: cell.name, value: x, timestamp: timestamp, step: 0)) }
        }
        if let history = entry.run.history {
            let epochs = history.columns.first { $0.name == "epoch" }?.numbers
            for column in history.columns where column.name != "epoch" {
                guard let values = column.numbers else { continue }
                for (row, x) in values.enumerated() where x.isFinite {
                    let step = epochs.map { Int64($0[row]) } ?? Int64(row)
                    metrics.append(Metric(key: "history." + column.name, value: x, timestamp: timestamp, step: step))
                }
            }
        }
        var batches: [LogBatch] = []
        var (m, p, t) = (metrics[...], params[...], tags[...])
        while !m.isEmpty || !p.isEmpty || !t.isEmpty || batches.isEmpty {
            let tagCount = min(t.count, maxTags), paramCount = min(p.count, maxParams)
            let metricCount = min(m.count, maxMetrics, maxEntities - tagCount - paramCount)
            batches.append(LogBatch(run_id: runID, metrics: Array(m.prefix(metricCount)), params: Array(p.prefix(paramCount)),
                                    tags: Array(t.prefix(tagCount))))
            m = m.dropFirst(metricCount)
            p = p.dropFirst(paramCount)
            t = t.dropFirst(tagCount)
        }
        return batches
    }

    static func text(_ cell: StoredCell) -> String {
        switch cell {
        case .number(let x): x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
        case .text(let s): String(s.prefix(500))
        }
    }

    /// The experiment's id, creating it if the server has none of that name.
    func experimentID(named name: String, sent: inout Sent) throws(RunLogError) -> String {
        let query = name.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+"))) ?? name
        switch try request("GET", "experiments/get-by-name?experiment_name=\(query)", body: nil, sent: &sent) {
        case (200, let data):
            do { return try JSONDecoder().decode(ExperimentByName.self, from: data).experiment.experiment_id } catch {
                throw RunLogError("mlflow: \(url) answered experiments/get-by-name with something that is not MLflow's answer")
            }
        default:
            let created: CreatedExperiment = try post("experiments/create", CreateExperiment(name: name), sent: &sent)
            return created.experiment_id
        }
    }

    /// POSTs `body` as JSON to `/api/2.0/mlflow/<path>` and decodes the answer.
    func post<Body: Encodable, Answer: Decodable>(_ path: String, _ body: Body, sent: inout Sent) throws(RunLogError) -> Answer {
        let data: Data
        do { data = try JSONEncoder().encode(body) } catch { throw RunLogError("mlflow: cannot encode \(path): \(error)") }
        let (status, answer) = try request("POST", path, body: data, sent: &sent)
        guard status == 200 else {
            let text = String(decoding: answer.prefix(300), as: UTF8.self)
            throw RunLogError("mlflow: \(path) failed with HTTP \(status): \(text)")
        }
        do { return try JSONDecoder().decode(Answer.self, from: answer.isEmpty ? Data("{}".utf8) : answer) } catch {
            throw RunLogError("mlflow: \(url) answered \(path) with something that is not MLflow's answer")
        }
    }

    /// One HTTP request, waited for (at most `timeout` seconds), through libcurl (`CurlHTTP`).
    func request(_ method: String, _ path: String, body: Data?, sent: inout Sent) throws(RunLogError) -> (Int, Data) {
        let address = "\(url)/api/2.0/mlflow/\(path)"
        guard let server = URL(string: url), server.scheme == "http" || server.scheme == "https", let host = server.host, !host.isEmpty,
              URL(string: address) != nil else {
            throw RunLogError("mlflow: '\(url)' is not a server address; give one like http://127.0.0.1:5000")
        }
        let answer: CurlHTTP.Answer
        do throws(CurlHTTP.Failure) {
            answer = try CurlHTTP.send(method, url: address, body: body,
                                       headers: body == nil ? [] : ["Content-Type: application/json"], timeout: timeout)
        } catch {
            throw RunLogError("mlflow: cannot reach \(url): \(error.message)")
        }
        sent.requests += 1
        return (answer.status, answer.body)
    }
}
