import ArgumentParser
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Expands command-line arguments into input files: a file stays itself, a folder is walked recursively for the
/// files whose name matches the glob. Each input keeps its path relative to the folder it came from, so outputs
/// can mirror the tree.
enum BatchInputs {
    struct Input: Sendable {
        var path: String
        /// The path under its folder argument (the file name for a file argument).
        var relative: String
    }

    static func expand(_ arguments: [String], glob: String) -> [Input] {
        var inputs: [Input] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard argument != "-", FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                inputs.append(Input(path: argument, relative: (argument as NSString).lastPathComponent))
                continue
            }
            let root = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
            let patterns = glob.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) }
            let enumerator = FileManager.default.enumerator(atPath: root)
            var found: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if !FileManager.default.isDirectory(root + "/" + relative), patterns.contains(where: { fnmatch($0, name, 0) == 0 }) {
                    found.append(relative)
                }
            }
            for relative in found.sorted() { inputs.append(Input(path: root + "/" + relative, relative: relative)) }
            // A folder with nothing to read stays an input, so that it gives an error line and a record.
            if found.isEmpty { inputs.append(Input(path: root, relative: (root as NSString).lastPathComponent)) }
        }
        return inputs
    }
}

extension BatchInputs {
    /// Extensions a report input is known by, dropped from its output's name (`a.txt` → `a.json`).
    static let reportExtensions: Set<String> = ["txt", "md", "markdown", "htm", "html", "pdf", "csv"]

    /// The name each input's output takes under `--output`, before its own extension: the input's path under its
    /// folder without a report extension — unless two inputs would then share a name (`a.txt` and `a.html`), in
    /// which case those keep their whole name (`a.txt.json`, `a.html.json`), so no output overwrites another.
    static func outputStems(_ inputs: [Input]) -> [String] {
        let stripped = inputs.map { input -> String in
            let ext = (input.relative as NSString).pathExtension.lowercased()
            return reportExtensions.contains(ext) ? (input.relative as NSString).deletingPathExtension : input.relative
        }
        var uses: [String: Int] = [:]
        for stem in stripped { uses[stem, default: 0] += 1 }
        return zip(inputs, stripped).map { uses[$1]! > 1 ? $0.relative : $1 }
    }
}

/// The options every command that reads many inputs shares (`parse`, `normalize`, `align`).
struct BatchOptions: ParsableArguments {
    @Option(help: "Write one output per input under this folder, mirroring the input tree.") var output: String?
    @Option(help: "In folders, the files to read: one pattern or several, comma-separated ('*.txt,*.html,*.pdf').")
    var glob = "*.txt"
    @Option(help: "Inputs processed in parallel (default: the core count); output order stays the input order.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "No progress and no summary on stderr.") var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }
}

/// Progress on stderr when it is a terminal: files done / total, rate, ETA. Silent otherwise.
final class Progress: @unchecked Sendable {
    private let total: Int
    private let start = Date()
    private let isEnabled: Bool
    private var last = Date.distantPast

    init(total: Int, quiet: Bool) {
        self.total = total
        self.isEnabled = !quiet && isatty(2) == 1 && total > 1
    }

    func update(done: Int) {
        guard isEnabled else { return }
        let now = Date()
        guard now.timeIntervalSince(last) > 0.2 || done == total else { return }
        last = now
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let line = String(format: "\r%d/%d files  %.0f files/s  ETA %.0f s  ", done, total, rate, eta)
        FileHandle.standardError.write(line.data(using: .utf8)!)
        if done == total { FileHandle.standardError.write("\n".data(using: .utf8)!) }
    }
}
