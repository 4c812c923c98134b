import HTMLExtraction
import TextNormalization

/// HTML input as every command reads it: a page (decoded by libxml2 in its declared charset, or in the charset ICU
/// detects when it declares none — a GBK page without `<meta charset>` would otherwise be read as Latin-1), or text
/// with `<table>` fragments inside (MinerU-style markdown), each fragment made a tab grid in place.
enum PageInput {
    /// The page's document when `bytes` are an HTML page; nil for anything else.
    static func document(_ bytes: [UInt8]) throws(HTMLExtractor.ExtractionError) -> HTMLExtractor.Document? {
        guard HTMLExtractor.looksLikeHTML(bytes) else { return nil }
        let encoding = HTMLExtractor.declaresCharset(bytes) ? nil : TextNormalizer.detectedEncoding(bytes)
        return try HTMLExtractor().document(from: bytes, encoding: encoding)
    }

    /// `bytes` as text for the normaliser: a page's text, text with its `<table>` fragments made grids, or the bytes
    /// themselves.
    static func text(_ bytes: [UInt8]) throws(HTMLExtractor.ExtractionError) -> [UInt8] {
        if let document = try document(bytes) { return Array(document.text.utf8) }
        return HTMLExtractor().replacingEmbeddedTables(in: bytes) ?? bytes
    }
}
