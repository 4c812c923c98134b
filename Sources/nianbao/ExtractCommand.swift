import ArgumentParser
import Foundation
import PDFExtraction

/// `nianbao extract`: the text one extractor reads from a PDF, as `parse` reads it — to see what OCR made of a
/// scan, or to keep the text beside the PDF.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the text an extractor reads from a PDF (pdftotext raw or -layout, or OCR).",
        discussion: """
            The same extractors `parse` runs on a PDF: raw (pdftotext), layout (pdftotext -layout) and ocr \
            (pdftoppm -r 150 pages read by tesseract -l chi_sim --psm 6, each word placed at its column from its \
            box; words OCR was unsure of where a value stands, a glyph or a number, are read again as digits, and \
            values it saw no word for, where a row is empty at a column the rows around it fill, are read from the \
            page; each named on stderr unless --quiet). Example: nianbao extract --extractor ocr scan.pdf > scan.txt && nianbao parse scan.txt. \
            Exit codes: 0 ok; 65 not a PDF, or the extractor failed (its reason on stderr); 66 file missing.
            """
    )

    @Argument(help: "A PDF file.") var file: String
    @Option(help: "raw, layout or ocr.") var extractor: PDFExtractor.Kind = .layout
    @Flag(help: "Do not name on stderr the words OCR read again as digits, nor the values read from the page.") var quiet = false

    func run() throws {
        let input = InputSource(argument: file)
        if FileManager.default.isDirectory(file) {
            Console.error("nianbao: error: \(file): is a directory; extract reads one PDF file")
            throw NianbaoExit.noInput
        }
        let bytes: [UInt8]
        do { bytes = try input.read() } catch {
            Console.error("nianbao: error: \(error)")
            throw NianbaoExit.noInput
        }
        guard PDFExtractor.looksLikePDF(bytes) else {
            Console.error("nianbao: error: \(input.name): not a PDF (no %PDF- header); extract reads PDF files")
            throw NianbaoExit.dataError
        }
        // The extractors read a file: standard input is written to a temporary one first.
        var path = file
        var temporary: URL? = nil
        if file == "-" {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-extract-\(UUID().uuidString).pdf")
            do { try Data(bytes).write(to: url) } catch {
                Console.error("nianbao: error: cannot write a temporary file: \(error)")
                throw NianbaoExit.dataError
            }
            path = url.path
            temporary = url
        }
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
        let extraction = PDFExtractor().extract(pdf: path, kinds: [extractor], ocrWhenNoText: false).first { $0.kind == extractor }
        guard let text = extraction?.text else {
            Console.error("nianbao: error: \(input.name): \(extractor.rawValue): \(extraction?.problem ?? "no text")")
            throw NianbaoExit.dataError
        }
        Console.write(text.hasSuffix("\n") || text.isEmpty ? text : text + "\n")
        if !quiet {
            for note in extraction?.notes ?? [] { Console.error("nianbao: note: \(input.name): \(extractor.rawValue): \(note)") }
        }
    }
}

extension PDFExtractor.Kind: ExpressibleByArgument {}
