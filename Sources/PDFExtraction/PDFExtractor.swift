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
        /// What the extractor did that a reader of its text should know (OCR's words read again as digits).
        public var notes: [String] = []
    }

    /// Seconds each subprocess may run.
    public var timeLimit: Double

    public init(timeLimit: Double = 120) {
        self.timeLimit = timeLimit
    }

    /// Whether `bytes` are a PDF (`%PDF-` at the start).
    public static func looksLikePDF(_ bytes: [UInt8]) -> Bool { bytes.starts(with: Array("%PDF-".utf8)) }

    /// The Debian package that provides each tool, for the message when it is missing.
    static let packages = ["pdftotext": "poppler-utils", "pdftoppm": "poppler-utils", "pdfimages": "poppler-utils", "tesseract": "tesseract-ocr tesseract-ocr-chi-sim"]

    /// Runs the extractors of `kinds` on the PDF at `path`. `.ocr` in `kinds` runs OCR always; without it, OCR runs
    /// only when `ocrWhenNoText` is set and the text layer is empty (an image-only scan). Whether a scan with a text
    /// layer is worth OCR too is the caller's call (`isScan`; `nianbao parse` asks when that layer's tables fail an
    /// identity).
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

    /// Whether the PDF at `path`, whose text layer reads `text` (pdftotext's, a form feed ending each page), is a
    /// scan: more than half its pages hold a page-sized image (`pageSizedImages`).
    public func isScan(pdf path: String, text: String) -> Bool {
        let pages = max(1, text.utf8.filter { $0 == 0x0C }.count)
        return Self.pageSizedImages(listing: run("pdfimages", ["-list", path], kind: .ocr).text ?? "").count * 2 > pages
    }

    /// The pages (1-based) that hold an image of at least `minimumInches` on both sides at its resolution (a scanned
    /// page; a logo or a photo is smaller), from `pdfimages -list`'s table.
    public static func pageSizedImages(listing: String, minimumInches: Double = 5) -> Set<Int> {
        var lines = listing.split(separator: "\n")
        guard let header = lines.first?.split(separator: " "), let pageColumn = header.firstIndex(of: "page"),
            let widthColumn = header.firstIndex(of: "width"), let heightColumn = header.firstIndex(of: "height"),
            let xColumn = header.firstIndex(of: "x-ppi"), let yColumn = header.firstIndex(of: "y-ppi")
        else { return [] }
        lines.removeFirst()
        var pages: Set<Int> = []
        for line in lines {
            let fields = line.split(separator: " ")
            guard fields.count > max(pageColumn, widthColumn, heightColumn, xColumn, yColumn), let page = Int(fields[pageColumn]),
                let width = Double(fields[widthColumn]), let height = Double(fields[heightColumn]),
                let xppi = Double(fields[xColumn]), let yppi = Double(fields[yColumn]), xppi > 0, yppi > 0
            else { continue }
            if width / xppi >= minimumInches && height / yppi >= minimumInches { pages.insert(page) }
        }
        return pages
    }

    private func ocr(_ path: String) -> Extraction {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-ocr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            return Extraction(kind: .ocr, text: nil, problem: "cannot create a temporary folder: \(error)")
        }
        // PPM pages that `GrayImage` can cut words out of. A PPM does not carry its resolution as pdftoppm's PNG does,
        // so tesseract is told it (without it, it guesses, and thresholds a JPEG scan's tiles otherwise).
        let pages = run("pdftoppm", ["-r", "150", path, directory.appendingPathComponent("page").path], kind: .ocr)
        if let problem = pages.problem { return Extraction(kind: .ocr, text: nil, problem: problem) }
        let images = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".ppm") }.sorted()
        let jpegPages = Self.jpegPages(listing: run("pdfimages", ["-list", path], kind: .ocr).text ?? "")
        var texts: [String] = []
        var notes: [String] = []
        for (number, image) in zip(1..., images) {
            // `--psm 6` (one uniform block of text) keeps each table row on one line; the default page
            // segmentation cuts a table into blocks of columns and loses values (60 % of the corpus's cells
            // against 87 %). The words come with their boxes (`tsv`), laid out by `OCRLayout` so that each value
            // stands at its column. One OpenMP thread: tesseract's own threads fight `--jobs` for the cores.
            // A page scanned to JPEG is thresholded tile by tile (Leptonica's Otsu, `thresholding_method=1`): the
            // compression's ringing around glyphs costs tesseract's global threshold whole digits (three JPEG
            // scans of corpus reports: 69.7 → 75.3 %, 78.5 → 86.5 %, 92.0 → 92.5 %), where on a clean page the
            // global threshold reads better (95.1 % against 93.3 % over the corpus renders).
            let threshold = jpegPages.contains(number) ? ["-c", "thresholding_method=1"] : []
            let imagePath = directory.appendingPathComponent(image).path
            let page = run("tesseract", [imagePath, "stdout", "--dpi", "150", "-l", "chi_sim", "--psm", "6"] + threshold + ["tsv"],
                           kind: .ocr, environment: ["OMP_THREAD_LIMIT": "1"])
            if let problem = page.problem { return Extraction(kind: .ocr, text: nil, problem: problem) }
            var words = OCRLayout.words(tsv: page.text ?? "")
            notes += reread(&words, page: number, image: imagePath, in: directory, threshold: threshold)
            texts.append(OCRLayout.text(words: words))
        }
        return Extraction(kind: .ocr, text: texts.joined(separator: "\n"), problem: nil, notes: notes)
    }

    /// Reads again, as digits, the words of one page that OCR read as something else in a value's place
    /// (`DigitReread`), and reads the values it did not see where a row's cell is empty and its column holds
    /// numbers in the rows around it (`EmptyCellReread`), each kind in one strip cut from the page's image; a note
    /// for each word changed or line given values. Nothing changes when the image or the second reading is not to
    /// be had.
    private func reread(_ words: inout [OCRLayout.Word], page number: Int, image: String, in directory: URL, threshold: [String]) -> [String] {
        var lines = OCRLayout.lines(words)
        let suspects = DigitReread.suspects(in: lines)
        let cells = EmptyCellReread.cells(in: lines)
        guard !suspects.isEmpty || !cells.isEmpty, let bytes = FileManager.default.contents(atPath: image),
            let page = GrayImage(netpbm: [UInt8](bytes))
        else { return [] }
        var notes: [String] = []
        // The glyphs first; the empty cells in a strip of their own (tesseract reads a strip as one block, so what
        // else is in it changes how it reads each piece).
        let chosen = suspects.map { lines[$0.line][$0.index] }
        for (k, reading) in readDigits(chosen.map { DigitReread.piece(of: $0, from: page) }, name: "reread-\(number)", in: directory, threshold: threshold).enumerated() {
            guard let digits = DigitReread.accepted(reading), let reading, digits != chosen[k].text else { continue }
            lines[suspects[k].line][suspects[k].index].text = digits
            notes.append("page \(number): '\(chosen[k].text)' (confidence \(Int(chosen[k].confidence.rounded()))) read again as digits: "
                         + "\(digits) (confidence \(Int(reading.confidence.rounded())))")
        }
        // Cells whose piece is blank (a cell the page leaves empty) or runs past its sides are not read.
        let pageWords = lines.flatMap { $0 }
        let pieces = cells.compactMap { cell in EmptyCellReread.piece(of: cell, from: page, clearing: pageWords).map { (cell, $0) } }
        var added: [Int: [OCRLayout.Word]] = [:]
        for ((cell, piece), reading) in zip(pieces, readDigits(pieces.map(\.1.image), name: "cells-\(number)", in: directory, threshold: threshold)) {
            guard let digits = DigitReread.accepted(reading), let reading, EmptyCellReread.isCount(digits) else { continue }
            added[cell.line, default: []].append(
                EmptyCellReread.word(digits, confidence: reading.confidence, at: cell, piece: piece, page: lines[cell.line][0].page))
        }
        for (line, newWords) in added.sorted(by: { $0.key < $1.key }) {
            let before = lines[line].map(\.text).joined(separator: " ")
            // Each word with whether it is new, so that the note marks the added ones and no other.
            let merged = (lines[line].map { ($0, false) } + newWords.map { ($0, true) }).sorted { $0.0.left < $1.0.left }
            lines[line] = merged.map(\.0)
            let marked = merged.map { word, isNew in isNew ? "⟨\(word.text)⟩" : word.text }
            notes.append("page \(number): '\(before)' lacked \(newWords.count == 1 ? "a value" : "\(newWords.count) values") OCR did not see, "
                         + "read from the page as digits: '\(marked.joined(separator: " "))' (confidence "
                         + newWords.map { String(Int($0.confidence.rounded())) }.joined(separator: ", ") + ")")
        }
        // The page's words, some read anew or added (in line order: the layout groups them into the same lines again).
        if !notes.isEmpty { words = lines.flatMap { $0 } }
        return notes
    }

    /// tesseract's readings, as digits, of pieces of a page stacked in one strip (`DigitReread`), one per piece;
    /// nil for a piece it read nothing in, all nil when it could not run.
    private func readDigits(_ pieces: [GrayImage], name: String, in directory: URL, threshold: [String]) -> [(text: String, confidence: Double)?] {
        guard !pieces.isEmpty else { return [] }
        let (strip, bands) = DigitReread.strip(of: pieces)
        let path = directory.appendingPathComponent("\(name).pgm").path
        guard FileManager.default.createFile(atPath: path, contents: Data(strip.pgm)),
            let tsv = run("tesseract", [path, "stdout"] + DigitReread.arguments + threshold + ["tsv"],
                          kind: .ocr, environment: ["OMP_THREAD_LIMIT": "1"]).text
        else { return Array(repeating: nil, count: pieces.count) }
        return DigitReread.readings(tsv: tsv, bands: bands)
    }

    /// The pages (1-based) whose largest image is JPEG-compressed, from `pdfimages -list`'s table; empty
    /// when the listing is missing or names no image.
    ///
    /// ```
    /// page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio
    /// --------------------------------------------------------------------------------------------
    ///    1     0 image    1241  1754  rgb     3   8  jpeg   no        13  0   150   150 34.1K 0.5%
    /// ```
    public static func jpegPages(listing: String) -> Set<Int> {
        var lines = listing.split(separator: "\n")
        guard let header = lines.first?.split(separator: " "), let pageColumn = header.firstIndex(of: "page"),
            let widthColumn = header.firstIndex(of: "width"), let heightColumn = header.firstIndex(of: "height"),
            let encodingColumn = header.firstIndex(of: "enc")
        else { return [] }
        lines.removeFirst()
        var largest: [Int: (area: Int, jpeg: Bool)] = [:]
        for line in lines {
            let fields = line.split(separator: " ")
            guard fields.count > max(pageColumn, widthColumn, heightColumn, encodingColumn), let page = Int(fields[pageColumn]),
                let width = Int(fields[widthColumn]), let height = Int(fields[heightColumn])
            else { continue }
            let area = width * height
            if area > largest[page]?.area ?? -1 { largest[page] = (area, fields[encodingColumn] == "jpeg") }
        }
        return Set(largest.filter { $0.value.jpeg }.keys)
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
