import HTMLExtraction
import PDFExtraction
import TextNormalization

/// HTML and Word input as every command reads it: a .docx (its paragraphs and tables), a page (decoded by libxml2 in its declared charset, or in the charset ICU
/// detects when it declares none or declares a UTF-8 its bytes are not — a GBK page without `<meta charset>` would
/// otherwise be read as Latin-1), or text
/// with `<table>` fragments inside (MinerU-style markdown), each fragment made a tab grid in place, or word boxes
/// (tesseract's `tsv`, `pdftotext -tsv`) laid out.
enum PageInput {
    /// The page's document when `bytes` are an HTML page; nil for anything else.
    static func document(_ bytes: [UInt8]) throws(HTMLExtractor.ExtractionError) -> HTMLExtractor.Document? {
        if HTMLExtractor.looksLikeDOCX(bytes) { return try HTMLExtractor().document(fromDOCX: bytes) }
        if HTMLExtractor.looksLikeLegacyWord(bytes) { throw .legacyWord }
        guard HTMLExtractor.looksLikeHTML(bytes) else { return nil }
        // A declared charset is honoured, except a declared UTF-8 that the bytes are not (a GBK page whose meta
        // still says utf-8 after the server transcoded it).
        let declared = HTMLExtractor.declaredCharset(bytes)
        let declaresUTF8 = declared.map { $0.filter { $0 != "-" } == "utf8" } ?? false
        let encoding = declared == nil || declaresUTF8 ? TextNormalizer.detectedEncoding(bytes) : nil
        return try HTMLExtractor().document(from: bytes, encoding: encoding)
    }

    /// `bytes` as text for the normaliser: a page's text, text with its `<table>` fragments made grids, or the bytes
    /// themselves.
    static func text(_ bytes: [UInt8]) throws(HTMLExtractor.ExtractionError) -> [UInt8] {
        if let document = try document(bytes) { return Array(document.text.utf8) }
        // Word boxes (tesseract's `tsv`, `pdftotext -tsv`): laid out as `-layout` text, each word at its column.
        if OCRLayout.looksLikeTSV(bytes), let tsv = String(validating: bytes, as: UTF8.self) { return Array(OCRLayout.text(tsv: tsv).utf8) }
        return HTMLExtractor().replacingEmbeddedTables(in: bytes) ?? bytes
    }
}
