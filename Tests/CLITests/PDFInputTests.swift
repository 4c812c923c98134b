import Foundation
import Testing
import _TestSupport

/// `nianbao parse report.pdf`: extractors run as subprocesses; a missing one is named with its Debian package.
@Suite struct PDFInputTests {
    /// Whether poppler's `pdftotext` is installed (`.ci/run` installs it; without it the tests check the message).
    static let hasPoppler = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    /// Whether tesseract and its Chinese model are installed.
    static let hasTesseract = ["/usr/bin/tesseract", "/usr/local/bin/tesseract"].contains { FileManager.default.isExecutableFile(atPath: $0) }
        && FileManager.default.fileExists(atPath: "/usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata")

    @Test func aCorpusPDFIsReadOrTheMissingToolIsNamed() throws {
        let pdf = Fixtures.directory.appendingPathComponent("corpus/c003_2019/report.pdf").path
        let result = try CommandRunner.run(["parse", pdf])
        if Self.hasPoppler {
            #expect(result.status == 0, "\(result.stderr)")
            let json = try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
            let flags = (json?["flags"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            #expect(flags.contains { $0.hasPrefix("table requests read from the") })
            #expect((json?["cells"] as? [Any])?.count == 198)
        } else {
            #expect(result.status == 65)
            #expect(result.stderr.contains("pdftotext not found on PATH (Debian: apt-get install poppler-utils)"))
        }
    }

    /// A scan (`--extractor ocr`: the pages as images, as a PDF without a text layer is read): tesseract with
    /// `--psm 6` keeps table rows whole, each word at its column from its box, and the report reads as its OCR
    /// text does.
    @Test func aScanIsReadByOCRWithItsRowsWhole() throws {
        let report = Fixtures.directory.appendingPathComponent("corpus/c001_2019")
        let result = try CommandRunner.run(["parse", "--extractor", "ocr", report.appendingPathComponent("report.pdf").path])
        guard Self.hasTesseract else {
            #expect(result.status == 65)
            #expect(result.stderr.contains("(ocr: "), "the OCR problem is named: \(result.stderr)")
            return
        }
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        let prediction = try CommandRunner.temporaryDirectory().appendingPathComponent("ocr.json")
        try result.stdoutBytes.write(to: prediction)
        let score = try CommandRunner.run(["score", "--gold", report.appendingPathComponent("gold.json").path,
                                           "--pred", prediction.path, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: score.stdoutBytes) as? [String: Any]
        let total = json?["total"] as? [String: Any]
        let correct = total?["correct"] as? Int ?? 0
        #expect(total?["gold"] as? Int == 198)
        #expect(Double(correct) / 198 >= 0.95, "\(correct) of 198 cells right")
    }

    /// 表三 cells of corpus report c025 that `nianbao parse --format csv` gets right, reading `arguments`.
    static func rightRequestCellsOfC025(_ arguments: [String]) throws -> Int {
        let result = try CommandRunner.run(["parse", "--format", "csv"] + arguments)
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.directory.appendingPathComponent("corpus/c025_2019/gold.json")))
        let goldCells = ((gold as? [String: Any])?["cells"] as? [[String: Any]] ?? []).filter { $0["table"] as? String == "requests" }
        var expected: [String: Double] = [:]
        for cell in goldCells {
            let row = (cell["row"] as? String) ?? ((cell["row"] as? [String])?.joined(separator: " / ") ?? "")
            expected["\(row),\(cell["column"] as? String ?? "")"] = (cell["value"] as? NSNumber)?.doubleValue
        }
        #expect(expected.count == 161)
        // csv: table,row,column,value (no commas inside 表三's labels)
        let right = result.stdout.split(separator: "\n").filter { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 4, fields[0] == "requests", let value = Double(fields[3]) else { return false }
            return expected["\(fields[1]),\(fields[2])"] == value
        }.count
        return right
    }

    /// A JPEG scan (Fixtures/scans): an image-only PDF, so `parse` runs OCR on its own; its pages are JPEG, so they
    /// are thresholded tile by tile. 表三 reads 107 of its 161 cells when added (94 with tesseract's global
    /// threshold), 116 once glyphs OCR read in values' places were worked out from the identities, 127 once they
    /// were read again as digits from the page (`DigitReread`), 134 with the numbers OCR was unsure of too, 136
    /// with the values OCR saw no word for read from the page (`EmptyCellReread`).
    @Test func aJPEGScanIsReadWithItsPagesThresholdedByTile() throws {
        guard Self.hasTesseract else { return }
        let scan = Fixtures.directory.appendingPathComponent("scans/c025_2019-pages-3-4-jpeg.pdf").path
        let right = try Self.rightRequestCellsOfC025([scan])
        #expect(right >= 135, "\(right) of 161 表三 cells right")
        // Each word read again, and each line given values OCR did not see, is named among the report's flags.
        let json = try CommandRunner.run(["parse", scan])
        #expect(json.stdout.contains("read again as digits"))
        #expect(json.stdout.contains("OCR did not see, read from the page as digits"))
    }

    /// The same scan made searchable by tesseract's PDF renderer (an invisible text layer over the page images):
    /// its text layer alone reads 61 of 表三's 161 cells (`--extractor layout`; 65 with glyphs in values' places
    /// read); `parse` sees page-sized images and tables that fail their identities, runs its own OCR beside the text
    /// layer and takes 表三 from it: 107 when added (116 with glyphs in values' places worked out, 134 with them and
    /// unsure numbers read again as digits, 136 with values OCR did not see read from the page).
    @Test func aSearchableScanIsReadByNianbaosOwnOCRToo() throws {
        guard Self.hasTesseract, Self.hasPoppler else { return }
        let scan = Fixtures.directory.appendingPathComponent("scans/c025_2019-pages-3-4-searchable.pdf").path
        let textLayer = try Self.rightRequestCellsOfC025(["--extractor", "layout", scan])
        let consensus = try Self.rightRequestCellsOfC025([scan])
        #expect(textLayer < 80, "\(textLayer) of 161 from the text layer")
        #expect(consensus >= 135, "\(consensus) of 161 by consensus with nianbao's OCR")
        let json = try CommandRunner.run(["parse", scan])
        #expect(json.stdout.contains("the pages are scans and the tables of their text layer fail an identity"))
    }

    /// `nianbao extract` prints one extractor's text; a file that is no PDF, or a PDF its extractor cannot read, is
    /// a data error naming the file, and a missing file exit 66.
    @Test func extractPrintsOneExtractorsText() throws {
        let pdf = Fixtures.directory.appendingPathComponent("corpus/c003_2019/report.pdf").path
        let layout = try CommandRunner.run(["extract", pdf])
        if Self.hasPoppler {
            #expect(layout.status == 0, "\(layout.stderr)")
            // -layout keeps a row on one line: label and values together.
            #expect(layout.stdout.split(separator: "\n").contains { $0.contains("行政许可") && $0.contains("0") })
        }
        let text = try CommandRunner.temporaryDirectory().appendingPathComponent("report.txt")
        try Data("一、总体情况\n".utf8).write(to: text)
        let notPDF = try CommandRunner.run(["extract", text.path])
        #expect(notPDF.status == 65)
        #expect(notPDF.stderr == "nianbao: error: \(text.path): not a PDF (no %PDF- header); extract reads PDF files\n")
        let broken = text.deletingLastPathComponent().appendingPathComponent("broken.pdf")
        try Data("%PDF-1.4\nthis is not a pdf\n".utf8).write(to: broken)
        let unreadable = try CommandRunner.run(["extract", "--extractor", "raw", broken.path])
        #expect(unreadable.status == 65)
        #expect(unreadable.stderr.hasPrefix("nianbao: error: \(broken.path): raw: "), "\(unreadable.stderr)")
        let missing = try CommandRunner.run(["extract", text.deletingLastPathComponent().appendingPathComponent("none.pdf").path])
        #expect(missing.status == 66)
        let folder = try CommandRunner.run(["extract", text.deletingLastPathComponent().path])
        #expect(folder.status == 66)
        #expect(folder.stderr == "nianbao: error: \(text.deletingLastPathComponent().path): is a directory; extract reads one PDF file\n")
    }

    @Test func aBrokenPDFIsADataErrorNamingTheFile() throws {
        let url = try CommandRunner.temporaryDirectory().appendingPathComponent("broken.pdf")
        try Data("%PDF-1.4\nthis is not a pdf\n".utf8).write(to: url)
        let result = try CommandRunner.run(["parse", url.path])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("nianbao: error: \(url.path): no extraction of the PDF holds report tables"))
    }
}
