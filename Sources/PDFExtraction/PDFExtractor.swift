import Foundation

/// Runs the extractors users would run on a PDF — poppler's `pdftotext` (raw and `-layout`) and, for a PDF without
/// a text layer, `pdftoppm` + `tesseract -l chi_sim` — as subprocesses with a time limit. The façade of
/// `PDFExtraction`. A failing or missing extractor is reported, never fatal.
///
/// ```swift
/// let extractions = PDFExtractor().extract(pdf: "report.pdf", kinds: [.raw, .layout])
/// extractions.map(\.kind)   // [.raw, .layout]
/// ```
public struct PDFExtractor: Sendable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// `pdftotext` in content order.
        case raw
        /// `pdftotext -layout`.
        case layout
        /// `pdftoppm -r 150` pages read by `tesseract -l chi_sim --psm 6`, laid out from the words' boxes (`OCRLayout`).
        case ocr
    }

    /// One extractor's result: its text, or why there is none.
    public struct Extraction: Sendable {
        public var kind: Kind
        public var text: String?
        public var problem: String?
    }

    /// Seconds each subprocess may run.
    public var timeLimit: Double

    public init(timeLimit: Double = 120) {
        self.timeLimit = timeLimit
    }

    /// Whether `bytes` are a PDF (`%PDF-` at the start).
    public static func looksLikePDF(_ bytes: [UInt8]) -> Bool { bytes.starts(with: Array("%PDF-".utf8)) }

    /// The Debian package that provides each tool, for the message when it is missing.
    static let packages = ["pdftotext": "poppler-utils", "pdftoppm": "poppler-utils", "tesseract": "tesseract-ocr tesseract-ocr-chi-sim"]

    /// Runs the extractors of `kinds` on the PDF at `path`. `.ocr` in `kinds` runs OCR always; without it, OCR runs
    /// only when `ocrWhenNoText` is set and the text layer is empty (a scan).
    public func extract(pdf path: String, kinds: [Kind], ocrWhenNoText: Bool = true) -> [Extraction] {
        var results: [Extraction] = []
        for kind in kinds where kind != .ocr {
            let arguments = kind == .layout ? ["-enc", "UTF-8", "-layout", path, "-"] : ["-enc", "UTF-8", path, "-"]
            results.append(run("pdftotext", arguments, kind: kind))
        }
        let hasText = results.contains { ($0.text ?? "").unicodeScalars.filter { $0.value >= 0x4E00 }.count > 20 }
        if kinds.contains(.ocr) || (ocrWhenNoText && !hasText) {
            results.append(ocr(path))
        }
        return results
    }

    private func ocr(_ path: String) -> Extraction {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-ocr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            return Extraction(kind: .ocr, text: nil, problem: "cannot create a temporary folder: \(error)")
        }
        let pages = run("pdftoppm", ["-r", "150", "-png", path, directory.appendingPathComponent("page").path], kind: .ocr)
        if let problem = pages.problem { return Extraction(kind: .ocr, text: nil, problem: problem) }
        let images = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".png") }.sorted()
        var texts: [String] = []
        for image in images {
            // `--psm 6` (one uniform block of text) keeps each table row on one line; the default page
            // segmentation cuts a table into blocks of columns and loses values (60 % of the corpus's cells
            // against 87 %). The words come with their boxes (`tsv`), laid out by `OCRLayout` so that each value
            // stands at its column. One OpenMP thread: tesseract's own threads fight `--jobs` for the cores.
            let page = run("tesseract", [directory.appendingPathComponent(image).path, "stdout", "-l", "chi_sim", "--psm", "6", "tsv"],
                           kind: .ocr, environment: ["OMP_THREAD_LIMIT": "1"])
            if let problem = page.problem { return Extraction(kind: .ocr, text: nil, problem: problem) }
            texts.append(OCRLayout.text(tsv: page.text ?? ""))
        }
        return Extraction(kind: .ocr, text: texts.joined(separator: "\n"), problem: nil)
    }

    /// Runs `tool` found on PATH; its stdout, or a problem that says what went wrong.
    func run(_ tool: String, _ arguments: [String], kind: Kind, environment: [String: String] = [:]) -> Extraction {
        guard let executable = Self.which(tool) else {
            let package = Self.packages[tool] ?? tool
            return Extraction(kind: kind, text: nil, problem: "\(tool) not found on PATH (Debian: apt-get install \(package))")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            return Extraction(kind: kind, text: nil, problem: "\(tool) did not start: \(error)")
        }
        let collected = Collected()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            collected.out = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            collected.err = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if group.wait(timeout: .now() + timeLimit) == .timedOut {
            process.terminate()
            return Extraction(kind: kind, text: nil, problem: "\(tool) took longer than \(Int(timeLimit)) s and was stopped")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: collected.err, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            return Extraction(kind: kind, text: nil, problem: "\(tool) failed (exit \(process.terminationStatus)): \(message)")
        }
        return Extraction(kind: kind, text: String(decoding: collected.out, as: UTF8.self), problem: nil)
    }

    final class Collected: @unchecked Sendable {
        var out = Data()
        var err = Data()
    }

    static func which(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
