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
        var lineNumber = 0
        var window: [(Int, String)] = []
        let size = max(jobs * 8, 32)
        func flush() {
            let batch = window
            let pipeline = self.pipeline
            let canonical = self.canonical
            BatchRunner(jobs: jobs).run(count: batch.count, work: { k -> [UInt8] in
                Self.process(batch[k].1, line: batch[k].0, pipeline: pipeline, canonical: canonical)
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

    static func process(_ line: String, line number: Int, pipeline: ReportPipeline, canonical: Bool) -> [UInt8] {
        // The result is assembled from encoded members, keys sorted: the report is spliced in as ReportJSON wrote
        // it (decoding it back into Foundation objects only to write it again cost a third of the run).
        var members: [(key: String, json: [UInt8])] = []
        func finish() -> [UInt8] {
            var out: [UInt8] = [UInt8(ascii: "{")]
            for (k, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                out += fragment(member.key)
                out.append(UInt8(ascii: ":"))
                out += member.json
            }
            out.append(UInt8(ascii: "}"))
            return out
        }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
            members = [("line", Array("\(number)".utf8)), ("error", fragment("line \(number): not a JSON object"))]
            return finish()
        }
        for (key, value) in object where key != "text" {
            guard let json = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
            else { continue }
            members.append((key, Array(json)))
        }
        guard let text = object["text"] as? String else {
            members.append(("error", fragment("line \(number): no \"text\" string")))
            return finish()
        }
        let name = (object["id"]).map { "\($0)" } ?? "line \(number)"
        do {
            let reports = try pipeline.run(bytes: Array(text.utf8), name: name, canonical: canonical)
            if reports.count == 1 {
                members.append(("report", ReportJSON.encode(reports[0])))
            } else {
                // A text that holds several reports: all of them, in order.
                members.append(("reports", [UInt8(ascii: "[")] + Array(reports.map(ReportJSON.encode).joined(separator: [UInt8(ascii: ",")])) + [UInt8(ascii: "]")]))
            }
        } catch {
            members.append(("error", fragment(error.message)))
        }
        return finish()
    }

    /// A string as a JSON fragment.
    static func fragment(_ string: String) -> [UInt8] {
        Array((try? JSONSerialization.data(withJSONObject: string, options: [.fragmentsAllowed, .withoutEscapingSlashes])) ?? Data("\"\"".utf8))
    }
}

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
