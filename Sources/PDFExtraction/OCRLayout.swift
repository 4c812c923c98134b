import Foundation

/// Text laid out from the words tesseract found on a page and where it found them (its `tsv` output): each line of
/// words at the column its left edge stands at, as `pdftotext -layout` writes a text layer.
///
/// tesseract's plain text puts one space or a few between the words of a line, whatever the gap on the page, so a
/// table row that lost a cell (`0   8 1 1    0` for `0 1 8 1 1 0`) no longer says which columns its values stood
/// in. From the boxes, a value's column is its place on the page: the aligner then reads OCR's rows by column
/// position, as it reads `-layout` text (on the corpus's scans: 94.9 % of cells against 94.1 % from plain text).
///
/// ```swift
/// OCRLayout.text(tsv: tesseractTSV)   // "行政处罚        0        -12        21\n…"
/// ```
public enum OCRLayout {
    /// Words whose vertical centres are closer than this many median word heights stand on one line.
    static let sameLine = 0.5
    /// Columns per median word height. A column is one character wherever it stands, as in `pdftotext -layout`'s
    /// grid: a word starts at the column of its left edge, so a value stays in its column however wide the
    /// characters before it.
    static let columnsPerHeight = 2.0

    struct Word {
        var page = 1
        var left: Int
        var centre: Double
        var height: Int
        var text: String
        /// The box's width and top edge (pixels or points).
        var width = 0
        var top = 0
        /// tesseract's confidence in the word, 0–100 (pdftotext writes 100; a table without the column, 100).
        var confidence = 100.0
    }

    /// Whether `bytes` open with the header of a word-box table: tesseract's `tsv` output, or `pdftotext -tsv`'s
    /// (the same columns, positions in points), which users save and hand on as they would text.
    public static func looksLikeTSV(_ bytes: [UInt8]) -> Bool {
        // tesseract writes block_num before par_num, pdftotext after: the line is read up to its end.
        guard bytes.starts(with: "level\tpage_num\t".utf8) else { return false }
        let header = String(decoding: bytes.prefix(200).prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
        return header.hasSuffix("\tleft\ttop\twidth\theight\tconf\ttext")
    }

    /// The text laid out from tesseract's `tsv` output (its header line first), page after page, a blank line
    /// between pages; empty when it holds no word.
    public static func text(tsv: String) -> String {
        text(words: Self.words(tsv: tsv))
    }

    /// The text laid out from words, page after page, a blank line between pages; empty when there is none.
    static func text(words: [Word]) -> String {
        guard !words.isEmpty else { return "" }
        return Dictionary(grouping: words, by: \.page).sorted { $0.key < $1.key }.map { layout($0.value) }.joined(separator: "\n\n")
    }

    /// The median height of a page's words (at least 1): the unit of its lines and columns.
    static func medianHeight(_ words: [Word]) -> Double {
        let heights = words.map(\.height).sorted()
        guard !heights.isEmpty else { return 1 }
        let middle = heights.count / 2
        return max(1, heights.count % 2 == 1 ? Double(heights[middle]) : Double(heights[middle - 1] + heights[middle]) / 2)
    }

    /// One page's words in lines, top to bottom, each line's words left to right: a word joins the line whose
    /// running vertical centre it is close to.
    static func lines(_ words: [Word]) -> [[Word]] {
        let height = medianHeight(words)
        var lines: [(centre: Double, words: [Word])] = []
        for word in words.sorted(by: { ($0.centre, $0.left) < ($1.centre, $1.left) }) {
            if let last = lines.last, abs(last.centre - word.centre) < sameLine * height {
                let count = Double(last.words.count)
                lines[lines.count - 1].centre = (last.centre * count + word.centre) / (count + 1)
                lines[lines.count - 1].words.append(word)
            } else {
                lines.append((word.centre, [word]))
            }
        }
        return lines.map { $0.words.sorted { $0.left < $1.left } }
    }

    /// One page's words laid out.
    static func layout(_ words: [Word]) -> String {
        let columnWidth = medianHeight(words) / columnsPerHeight
        return lines(words).map { line in
            var text = ""
            var width = 0  // characters written so far
            for word in line {
                let column = min(Self.maximumColumns, Int((Double(word.left) / columnWidth).rounded(.toNearestOrEven)))
                if width < column {
                    text += String(repeating: " ", count: column - width)
                    width = column
                } else if !text.isEmpty {
                    text += " "
                    width += 1
                }
                text += word.text
                width += word.text.unicodeScalars.count
            }
            return text
        }.joined(separator: "\n")
    }

    /// The largest left edge or height read from a word box (pixels or points); larger ones are damage.
    static let maximumPosition = 50_000.0
    /// The widest line laid out, in columns: a word further right is put one space after the line so far.
    static let maximumColumns = 2_000

    /// Spaces tesseract may leave around a word.
    static let space = CharacterSet(charactersIn: " ")

    /// The words (level 5 rows with text) of tesseract's `tsv` output, columns found by the header's names.
    static func words(tsv: String) -> [Word] {
        var lines = tsv.split(separator: "\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst().split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        guard let level = column("level"), let left = column("left"), let top = column("top"),
            let height = column("height"), let textColumn = column("text")
        else { return [] }
        let pageColumn = column("page_num")
        let widthColumn = column("width")
        let confidenceColumn = column("conf")
        return lines.compactMap { line -> Word? in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            // Positions are whole pixels (tesseract) or points with decimals (pdftotext).
            // Positions past any page (a 600-dpi A0 scan is 20,000 pixels wide) are damage: the word is skipped, so
            // that no line is padded to billions of columns.
            guard fields.count > textColumn, fields[level] == "5", let x = Double(fields[left]), let y = Double(fields[top]),
                let h = Double(fields[height]), x.isFinite, y.isFinite, h.isFinite, x >= 0, x < maximumPosition,
                abs(y) < 1e9, h >= 0, h < maximumPosition,
                case let text = fields[textColumn].trimmingCharacters(in: Self.space), !text.isEmpty
            else { return nil }
            let page = pageColumn.flatMap { Int(fields[$0]) } ?? 1
            let width = widthColumn.flatMap { Double(fields[$0]) }.map { $0.isFinite && $0 >= 0 && $0 < maximumPosition ? Int($0.rounded()) : 0 } ?? 0
            let confidence = confidenceColumn.flatMap { Double(fields[$0]) }.map { $0.isFinite ? $0 : 0 } ?? 100
            return Word(page: page, left: Int(x.rounded()), centre: y + h / 2, height: max(1, Int(h.rounded())), text: text,
                        width: width, top: Int(y.rounded()), confidence: confidence)
        }
    }
}
