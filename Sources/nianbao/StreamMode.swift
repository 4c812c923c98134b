import Foundation
import ReportModel

/// `--jsonl`: JSON Lines in on stdin, one result line out per input line, in order, flushed per line.
///
/// Each input line is `{"id": …, "text": …}` plus any other fields, which are passed through. The result line is
/// the input's fields without `text`, plus `"report"` (the report JSON) or `"error"` (why it could not be read).
/// A line that is not JSON or has no `text` gives an error line with its line number; the stream goes on.
struct StreamMode {
    var pipeline: ReportPipeline
    var canonical: Bool
    var jobs: Int

    func run() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lineNumber = 0
        var window: [(Int, String)] = []
        let size = max(jobs * 8, 32)
        func flush() {
            let batch = window
            let pipeline = self.pipeline
            let canonical = self.canonical
            BatchRunner(jobs: jobs).run(count: batch.count, work: { k -> [UInt8] in
                Self.process(batch[k].1, line: batch[k].0, pipeline: pipeline, canonical: canonical, encoder: encoder)
            }, emit: { _, bytes in
                Console.writeBytes(bytes + [0x0A])
            })
            window.removeAll(keepingCapacity: true)
        }
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            window.append((lineNumber, line))
            if window.count >= size { flush() }
        }
        flush()
    }

    static func process(_ line: String, line number: Int, pipeline: ReportPipeline, canonical: Bool, encoder: JSONEncoder) -> [UInt8] {
        var out: [String: Any] = ["line": number]
        func finish() -> [UInt8] {
            Array((try? JSONSerialization.data(withJSONObject: out, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{\"error\":\"unencodable result\"}".utf8))
        }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
            out["error"] = "line \(number): not a JSON object"
            return finish()
        }
        out = object
        out.removeValue(forKey: "text")
        guard let text = object["text"] as? String else {
            out["error"] = "line \(number): no \"text\" string"
            return finish()
        }
        let name = (object["id"]).map { "\($0)" } ?? "line \(number)"
        do {
            let report = try pipeline.run(bytes: Array(text.utf8), name: name, canonical: canonical)
            out["report"] = try JSONSerialization.jsonObject(with: encoder.encode(report))
        } catch let failure as ReportPipeline.Failure {
            out["error"] = failure.message
        } catch {
            out["error"] = "\(error)"
        }
        return finish()
    }
}

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
