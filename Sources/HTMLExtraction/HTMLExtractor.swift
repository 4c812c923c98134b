import CHTMLShim

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HTML report pages → report text the aligner reads: the façade of `HTMLExtraction`.
///
/// The page is parsed by libxml2's tolerant HTML parser (behind the `CHTMLShim` C shim). Each table becomes a grid
/// that honours rowspan and colspan, written one grid row per line with cells separated by tabs (a cell covered by
/// a span from above or the left is written empty, as in the seeds); text outside tables becomes one line per
/// block, blocks separated by a blank line. Entities are decoded; scripts, styles and navigation chrome are dropped.
///
/// ```swift
/// HTMLExtractor.looksLikeHTML(bytes)          // true for "<html>…", "<table>…", "<p>…"
/// let text = try HTMLExtractor().text(from: bytes)
/// ```
public struct HTMLExtractor: Sendable {
    public enum ExtractionError: Error, Equatable, CustomStringConvertible {
        /// libxml2 could not read the page at all.
        case unparsable
        /// A zip archive without a readable `word/document.xml` (a spreadsheet, a damaged .docx).
        case notDOCX
        /// A Word 97–2003 file (.doc), whose binary format is not read.
        case legacyWord

        public var description: String {
            switch self {
            case .unparsable: "the HTML page could not be parsed"
            case .notDOCX: "a zip archive without a readable word/document.xml (not a .docx, or a damaged one)"
            case .legacyWord:
                "a Word 97-2003 document (.doc), which is not read; convert it first "
                    + "(libreoffice --headless --convert-to docx FILE)"
            }
        }
    }

    public init() {}

    /// Whether `bytes` are an HTML document: the first non-blank character is `<` and a common HTML tag appears
    /// in the first 4 KB (judged by content, not by file name). Markdown that opens with a `<div>` or `<p>` (what
    /// pandoc writes for a page's navigation bar) and holds pipe-table rows is text, not a page.
    public static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == 0x3C else { return false }  // <
        let head = String(decoding: bytes[start..<min(bytes.count, start + 4096)], as: UTF8.self).lowercased()
        if ["<html", "<!doctype html", "<table", "<body", "<head"].contains(where: { head.contains($0) }) { return true }
        guard ["<p>", "<p ", "<div", "<meta"].contains(where: { head.contains($0) }) else { return false }
        return !holdsPipeTableRows(bytes)
    }

    /// Whether two or more lines open with `|` and hold two more (markdown pipe-table rows, `| 规章 | 0 | 0 |`).
    static func holdsPipeTableRows(_ bytes: [UInt8]) -> Bool {
        var rows = 0
        var lineStart = true
        var pipes = 0
        var opensWithPipe = false
        for b in bytes {
            if b == 0x0A {
                if opensWithPipe, pipes >= 3 {
                    rows += 1
                    if rows >= 2 { return true }
                }
                lineStart = true
                pipes = 0
                opensWithPipe = false
                continue
            }
            if lineStart, b != 0x20 {
                lineStart = false
                opensWithPipe = b == 0x7C
            }
            if b == 0x7C { pipes += 1 }
        }
        return opensWithPipe && pipes >= 3 && rows + 1 >= 2
    }

    /// Text (not a page) with HTML tables inside it — what PDF-to-markdown tools such as MinerU write: markdown
    /// prose with each table as a `<table>…</table>` fragment. Each fragment becomes a tab-separated grid (rowspan
    /// and colspan honoured, as for pages) on lines of its own; the text around it stays as it is. Nil when the
    /// text holds no complete `<table>` element or is not UTF-8.
    ///
    /// ```swift
    /// let text = "表三\n<table><tr><td>规章</td><td>0</td></tr></table>\n"
    /// HTMLExtractor().replacingEmbeddedTables(in: Array(text.utf8))  // "表三\n\n规章\t0\n\n" as UTF-8
    /// ```
    public func replacingEmbeddedTables(in bytes: [UInt8]) -> [UInt8]? {
        let open = Array("<table".utf8)
        let close = Array("</table>".utf8)
        func matches(_ pattern: [UInt8], at i: Int) -> Bool {
            guard i + pattern.count <= bytes.count else { return false }
            for k in 0..<pattern.count where (bytes[i + k] | 0x20) != pattern[k] && bytes[i + k] != pattern[k] { return false }
            return true
        }
        // Most text holds no `<table`: looked for before the text is validated (the normaliser validates it anyway),
        // from the first `<` memchr finds (most text has none at all).
        guard let firstOpen = bytes.withUnsafeBufferPointer({ b in
                b.baseAddress.flatMap { base in memchr(base, 0x3C, b.count).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } }
            }),
            let first = bytes.indices[firstOpen...].first(where: { bytes[$0] == 0x3C && matches(open, at: $0) }),
            String(validating: bytes, as: UTF8.self) != nil
        else { return nil }
        var out: [UInt8] = []
        var copied = 0
        var i = first
        var replaced = false
        while i < bytes.count {
            guard bytes[i] == 0x3C, matches(open, at: i) else {
                i += 1
                continue
            }
            // The matching `</table>`, counting nested tables.
            var depth = 0
            var j = i
            var end: Int? = nil
            while j < bytes.count {
                if bytes[j] == 0x3C, matches(open, at: j) {
                    depth += 1
                } else if bytes[j] == 0x3C, matches(close, at: j) {
                    depth -= 1
                    if depth == 0 {
                        end = j + close.count
                        break
                    }
                }
                j += 1
            }
            guard let end, let rendered = try? text(from: Array(bytes[i..<end]), encoding: "UTF-8") else {
                i += 1
                continue
            }
            out.append(contentsOf: bytes[copied..<i])
            out.append(0x0A)
            out.append(contentsOf: rendered.utf8)
            out.append(0x0A)
            copied = end
            i = end
            replaced = true
        }
        guard replaced else { return nil }
        out.append(contentsOf: bytes[copied...])
        return out
    }

    /// Whether the page declares its charset (`<meta charset=…>`, `content="text/html; charset=…"` or an XML
    /// declaration's `encoding=`) in its first 4 KB; libxml2 honours a declaration, and reads an undeclared page as
    /// Latin-1.
    public static func declaresCharset(_ bytes: [UInt8]) -> Bool { declaredCharset(bytes) != nil }

    /// The charset the page declares in its first 4 KB (`utf-8`, `gb2312`…), lowercased, or nil.
    public static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        for marker in ["charset=", "encoding="] {
            guard let range = head.firstRange(of: marker) else { continue }
            let value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
                .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            if !value.isEmpty { return String(value) }
        }
        return nil
    }

    /// Whether `bytes` are an OLE compound file (Word 97–2003 .doc, also old .xls).
    public static func looksLikeLegacyWord(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    }

    /// Whether `bytes` are a zip archive (a .docx starts `PK\u{3}\u{4}`).
    public static func looksLikeDOCX(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// A Word document (.docx) read like a page: its paragraphs as lines, its tables as tab-separated grids (merged
    /// cells as empty cells), with the place of each table.
    ///
    /// - Throws: `.notDOCX` when the archive holds no readable `word/document.xml`.
    public func document(fromDOCX bytes: [UInt8]) throws(ExtractionError) -> Document {
        var buffer: UnsafeMutablePointer<CChar>? = nil
        let length = bytes.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { nb_docx_describe($0.baseAddress, Int64($0.count), &buffer) }
        }
        defer { nb_html_free(buffer) }
        guard length >= 0, let buffer else { throw .notDOCX }
        return Self.render(String(decoding: UnsafeRawBufferPointer(start: buffer, count: Int(length)), as: UTF8.self))
    }

    /// A page read: its text, and where each of its tables stands in that text.
    public struct Document: Sendable {
        /// One `<table>` of the page.
        public struct Table: Sendable, Equatable {
            /// 0-based lines of the text the table's grid occupies.
            public var lines: Range<Int>
            /// Grid rows written (rows with no text at all are left out).
            public var rows: Int
            /// Cells in the widest grid row, spans counted.
            public var columns: Int
        }

        /// The page as report text (tables as tab-separated grids).
        public var text: String
        /// Every `<table>` of the page, in page order.
        public var tables: [Table]
    }

    /// The page as report text.
    public func text(from bytes: [UInt8], encoding: String? = nil) throws(ExtractionError) -> String {
        try document(from: bytes, encoding: encoding).text
    }

    /// The page as report text, with the place of each table (for `nianbao align --explain`).
    public func document(from bytes: [UInt8], encoding: String? = nil) throws(ExtractionError) -> Document {
        var buffer: UnsafeMutablePointer<CChar>? = nil
        let length = bytes.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { chars in
                if let encoding {
                    return nb_html_describe(chars.baseAddress, Int64(chars.count), encoding, &buffer)
                }
                return nb_html_describe(chars.baseAddress, Int64(chars.count), nil, &buffer)
            }
        }
        defer { nb_html_free(buffer) }
        guard length >= 0, let buffer else { throw .unparsable }
        let description = String(decoding: UnsafeRawBufferPointer(start: buffer, count: Int(length)), as: UTF8.self)
        return Self.render(description)
    }

    /// What a report's title holds (`…2020年政府信息公开工作年度报告`).
    static let reportTitleMark = "年度报告"

    /// The flat description (see nb_html.h) → text: paragraphs as lines, tables as tab-separated grids.
    static func render(_ description: String) -> Document {
        var out = ""
        var lineCount = 0
        var tables: [Document.Table] = []
        var grid = TableGrid()
        var inTable = false
        var title: Substring = ""
        for line in description.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let kind = line.first else { continue }
            switch kind {
            case "H":
                title = line.dropFirst(2)
            case "P":
                // A blank line after each block: a block is complete, never the first half of a split sentence.
                if !inTable {
                    out += line.dropFirst(2) + "\n\n"
                    lineCount += 2 + line.dropFirst(2).utf8.count(where: { $0 == 0x0A })
                }
            case "L":
                // A line of a <pre> block, as written.
                if !inTable {
                    out += line.dropFirst(2) + "\n"
                    lineCount += 1
                }
            case "T":
                inTable = true
                grid = TableGrid()
            case "R":
                grid.startRow()
            case "C":
                let parts = line.dropFirst().split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                let spans = parts[0].split(separator: ",").compactMap { Int($0) }
                grid.add(text: parts.count > 1 ? String(parts[1]) : "", rowspan: spans.first ?? 1, colspan: spans.last ?? 1)
            case "E":
                let rendered = grid.render()
                let lines = rendered.utf8.count(where: { $0 == 0x0A })
                tables.append(.init(lines: lineCount..<(lineCount + lines), rows: lines, columns: grid.columnCount))
                out += rendered + "\n"
                lineCount += lines + 1
                inTable = false
            default:
                continue
            }
        }
        // A page whose body prints no title (`年度报告` in none of its first lines), whose <title> names the report:
        // the title first, so that the report's agency and year are read from it.
        if title.contains(Self.reportTitleMark),
            !out.split(separator: "\n", maxSplits: 12).prefix(12).contains(where: { $0.contains(Self.reportTitleMark) })
        {
            out = title + "\n\n" + out
            tables = tables.map { .init(lines: ($0.lines.lowerBound + 2)..<($0.lines.upperBound + 2), rows: $0.rows, columns: $0.columns) }
        }
        return Document(text: out, tables: tables)
    }
}

/// A table as a grid: each cell at its (row, column), spanned positions left empty.
struct TableGrid {
    private var rows: [[String?]] = []
    /// Positions taken by rowspans from rows above: (row, column).
    private var taken = Set<[Int]>()

    mutating func startRow() { rows.append([]) }

    /// The widest row's cell count.
    var columnCount: Int { rows.map(\.count).max() ?? 0 }

    mutating func add(text: String, rowspan: Int, colspan: Int) {
        if rows.isEmpty { rows.append([]) }
        let r = rows.count - 1
        var c = rows[r].count
        while taken.contains([r, c]) {
            rows[r].append("")
            c += 1
        }
        rows[r].append(text)
        for _ in 1..<max(colspan, 1) { rows[r].append("") }
        for dr in 1..<max(rowspan, 1) {
            for dc in 0..<max(colspan, 1) { taken.insert([r + dr, c + dc]) }
        }
    }

    func render() -> String {
        var out = ""
        for (r, row) in rows.enumerated() {
            var cells = row.map { $0 ?? "" }
            // Spans from above that reach past the cells of this row.
            while taken.contains([r, cells.count]) { cells.append("") }
            if cells.allSatisfy({ $0.isEmpty }) { continue }
            out += cells.joined(separator: "\t") + "\n"
        }
        return out
    }
}
