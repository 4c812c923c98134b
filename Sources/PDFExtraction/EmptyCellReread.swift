/// Values OCR did not see at all: a table row's cell left empty where the rows around it hold numbers in that
/// column, read from the page as digits.
///
/// tesseract drops a small digit standing alone in a wide cell (a `0` most often) without a word for it, so the row
/// comes out a value short and the aligner can only place what is left and infer the rest. Where the page shows a
/// column — numbers of other rows nearby stand at one place — and a row that has values at such columns has no
/// word at one of them, the place is cut out of the page (the column's width, the row's values' height), the boxes of
/// words OCR did read and the ruling lines whitened, and, if ink is left that stands clear of the place's sides, the
/// ink is read as digits in a strip of such pieces (`DigitReread.strip`, `DigitReread.arguments`). A place with no
/// ink is a blank cell and is not read.
///
/// On the corpus's 32 reports as JPEG scans (150 dpi, quality 75), a prototype of these rules found 208 such places
/// with ink; 116 were read at confidence 80 or more, every one of them the digits the PDF prints there (checked
/// against `pdftotext -tsv`).
///
/// ```swift
/// let cells = EmptyCellReread.cells(in: OCRLayout.lines(words))   // where a row lacks a value
/// let piece = EmptyCellReread.piece(of: cells[0], from: page)       // nil: blank, or ink running past its sides
/// ```
enum EmptyCellReread {
    // The rules, as measured on the corpus's JPEG scans.

    /// Lines above and below a row whose numbers mark the page's columns.
    static let neighbourhood = 10
    /// Numbers whose centres are this many median word heights apart or less stand in one column.
    static let columnTolerance = 0.9
    /// A column is marked by numbers of at least this many other lines …
    static let minimumLines = 2
    /// … each at least this sure, on a line holding two or more of them (a table row, not a date in prose).
    static let confidentNumber = 70.0
    /// No word of any line may come within this many median heights of the column's centre, in the row's height.
    static let clearance = 0.5
    /// The piece spans this share of the distance to the nearer neighbouring column on each side.
    static let halfWidth = 0.45
    /// Pixels kept above and below the row's values.
    static let padding = 4
    /// A pixel at most this grey is ink …
    static let ink: UInt8 = 127
    /// … and, for finding ruling lines, at most this grey (a JPEG's rules are lighter than its glyphs).
    static let ruleInk: UInt8 = 169
    /// A pixel row or column this much ink is a ruling line of the table, whitened before reading.
    static let ruleShare = 0.7
    /// Fewer ink pixels than this: a blank cell.
    static let minimumInk = 12
    /// Ink this close to the piece's left or right side runs on past it (a wide number, a label): not read.
    static let sideMargin = 2
    /// Ink columns parted by fewer blank columns than this are one run (one number's digits); a wider blank parts a
    /// neighbour's ink reaching in at a side from the cell's own (6 more of the prototype's places read right, none
    /// wrong).
    static let runGap = 3

    /// Whether a reading is a count as reports print one: no leading zero (`030` is part of a wider number the
    /// piece cut into, as in a held-out report's `规章 20 0 30`).
    static func isCount(_ digits: String) -> Bool {
        !(digits.count > 1 && digits.hasPrefix("0"))
    }

    /// A place in a row where a value should stand and OCR read nothing.
    struct Cell: Equatable {
        /// The row's line (index in `OCRLayout.lines`).
        var line: Int
        /// The piece's box on the page, in pixels.
        var left: Int
        var top: Int
        var width: Int
        var height: Int
        /// The top and height of the row's values, for the word read there.
        var valueTop: Int
        var valueHeight: Int
    }

    /// The places in a page's lines where a row lacks the value its column holds in the rows around it.
    static func cells(in lines: [[OCRLayout.Word]]) -> [Cell] {
        let height = OCRLayout.medianHeight(lines.flatMap { $0 })
        let words = lines.flatMap { $0 }
        let values = lines.map(valueRun)
        var found: [(cell: Cell, values: Int)] = []
        for (l, line) in lines.enumerated() {
            let columns = columns(near: l, values: values, lines: lines, height: height)
            guard columns.count >= 2 else { continue }
            // The row's own values: numbers at the columns (a label's `1.` stands left of them).
            let own = values[l].filter { word in
                DigitReread.isNumber(word.text) && columns.contains { abs(centre(word) - $0) < columnTolerance * height }
            }
            guard !own.isEmpty else { continue }
            let top = own.map(\.top).min()!
            let bottom = own.map { $0.top + $0.height }.max()!
            let labelEnd = line.filter { word in !values[l].contains { $0.left == word.left } }.map { $0.left + $0.width }.max() ?? 0
            for (k, column) in columns.enumerated() where column >= Double(labelEnd) + clearance * height {
                let clear = clearance * height
                let blocked = words.contains { word in
                    Double(word.left + word.width) > column - clear && Double(word.left) < column + clear
                        && word.top < bottom && word.top + word.height > top
                }
                guard !blocked else { continue }
                let left = k > 0 ? columns[k - 1] : column - 2 * (columns[1] - columns[0])
                let right = k + 1 < columns.count ? columns[k + 1] : column + 2 * (columns[k] - columns[k - 1])
                let half = halfWidth * min(column - left, right - column)
                let cell = Cell(
                    line: l, left: Int(column - half), top: top - padding, width: Int(2 * half), height: bottom - top + 2 * padding,
                    valueTop: top, valueHeight: bottom - top)
                found.append((cell, own.count))
            }
        }
        // Two lines of one row (a value set a little lower than the rest) see the same place: the line with more
        // values keeps it, so that it is read once.
        return found.enumerated().filter { i, candidate in
            !found.enumerated().contains { j, rival in
                j != i && rival.cell.line != candidate.cell.line && overlap(rival.cell, candidate.cell)
                    && (rival.values > candidate.values || (rival.values == candidate.values && rival.cell.line < candidate.cell.line))
            }
        }.map(\.element.cell)
    }

    /// A piece of the page to read: the ink of a cell and a margin around it, and where it stands on the page.
    struct Piece: Equatable {
        var image: GrayImage
        var left: Int
        var top: Int
        /// The page's pixel columns its ink spans.
        var ink: Range<Int>
    }

    /// Pixels of white kept around the ink of a piece: tesseract reads a digit cut close more often than one in the
    /// middle of its cell (116 of 208 places read right in the prototype, against 96 for the whole cell, none wrong).
    static let margin = 6

    /// The cell's ink with `margin` pixels around it, its ruling lines and the boxes of `words` OCR read there
    /// whitened; nil when the cell holds too little ink to be a value or its ink touches its sides.
    static func piece(of cell: Cell, from page: GrayImage, clearing words: [OCRLayout.Word] = []) -> Piece? {
        var piece = page.cropped(x: cell.left, y: cell.top, width: cell.width, height: cell.height)
        guard piece.width > 2 * sideMargin, piece.height > 0 else { return nil }
        let (w, h) = (piece.width, piece.height)
        // A word OCR read is not a value it missed, however far from the column's centre it stands (表四's narrow
        // columns): its box, a pixel around, is not read again.
        for word in words {
            let (x0, x1) = (max(0, word.left - 1 - cell.left), min(w, word.left + word.width + 1 - cell.left))
            let (y0, y1) = (max(0, word.top - 1 - cell.top), min(h, word.top + word.height + 1 - cell.top))
            guard x0 < x1, y0 < y1 else { continue }
            for y in y0..<y1 { for x in x0..<x1 { piece.pixels[y * w + x] = 255 } }
        }
        let ruleColumns = (0..<w).filter { x in
            Double((0..<h).count { piece.pixels[$0 * w + x] <= ruleInk }) >= ruleShare * Double(h)
        }
        let ruleRows = (0..<h).filter { y in
            Double((0..<w).count { piece.pixels[y * w + $0] <= ruleInk }) >= ruleShare * Double(w)
        }
        for x in ruleColumns { for y in 0..<h { piece.pixels[y * w + x] = 255 } }
        for y in ruleRows { for x in 0..<w { piece.pixels[y * w + x] = 255 } }
        guard piece.pixels.count(where: { $0 <= ink }) >= minimumInk else { return nil }
        // Ink at a side that a blank gap parts from one run of ink inside (a neighbour's digit reaching in) is
        // whitened, and the run inside is read: the ink then spans that run (the blank gap around it stays blank),
        // else from the first run to the last.
        let columnRuns = runs(of: (0..<w).map { x in (0..<h).contains { piece.pixels[$0 * w + x] <= ink } }, bridging: runGap)
        let inner = columnRuns.filter { $0.lowerBound >= sideMargin && $0.upperBound <= w - sideMargin }
        var inkColumns = columnRuns.first!.lowerBound..<columnRuns.last!.upperBound
        if inner.count == 1, columnRuns.count > 1 {
            inkColumns = inner[0]
            let keep = max(0, inkColumns.lowerBound - sideMargin)..<min(w, inkColumns.upperBound + sideMargin)
            for x in 0..<w where !keep.contains(x) { for y in 0..<h { piece.pixels[y * w + x] = 255 } }
        }
        let inkedRows = (0..<h).filter { y in inkColumns.contains { piece.pixels[y * w + $0] <= ink } }
        guard let top = inkedRows.first, let bottom = inkedRows.last,
            inkColumns.lowerBound >= sideMargin, inkColumns.upperBound <= w - sideMargin
        else { return nil }
        let x0 = max(0, inkColumns.lowerBound - margin), y0 = max(0, top - margin)
        let image = piece.cropped(x: x0, y: y0, width: min(w, inkColumns.upperBound + margin) - x0, height: min(h, bottom + margin + 1) - y0)
        return Piece(image: image, left: cell.left + x0, top: cell.top + y0,
                     ink: (cell.left + inkColumns.lowerBound)..<(cell.left + inkColumns.upperBound))
    }

    /// The word a reading of the cell gives: at the piece's ink columns, at the row's values' height.
    static func word(_ text: String, confidence: Double, at cell: Cell, piece: Piece, page: Int) -> OCRLayout.Word {
        OCRLayout.Word(
            page: page, left: piece.ink.lowerBound, centre: Double(cell.valueTop) + Double(cell.valueHeight) / 2,
            height: max(1, cell.valueHeight), text: text, width: piece.ink.count, top: cell.valueTop, confidence: confidence)
    }

    // MARK: - Helpers

    /// The runs of true in `flags`, runs parted by fewer than `bridging` false ones joined.
    static func runs(of flags: [Bool], bridging: Int) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var x = 0
        while x < flags.count {
            guard flags[x] else { x += 1; continue }
            let start = x
            while x < flags.count, flags[x] { x += 1 }
            if let last = found.last, start - last.upperBound < bridging {
                found[found.count - 1] = last.lowerBound..<x
            } else {
                found.append(start..<x)
            }
        }
        return found
    }

    /// A line's trailing run of values: the words from its end back to the first that cannot be one
    /// (`DigitReread.mayBeValue`, the test its suspects pass too).
    private static func valueRun(_ line: [OCRLayout.Word]) -> [OCRLayout.Word] {
        Array(line.reversed().prefix(while: DigitReread.mayBeValue).reversed())
    }

    private static func centre(_ word: OCRLayout.Word) -> Double { Double(word.left) + Double(word.width) / 2 }

    /// The columns around line `l`: centres where confident numbers of at least `minimumLines` other nearby table
    /// rows stand, left to right.
    private static func columns(near l: Int, values: [[OCRLayout.Word]], lines: [[OCRLayout.Word]], height: Double) -> [Double] {
        var centres: [(x: Double, line: Int)] = []
        for j in max(0, l - neighbourhood)..<min(lines.count, l + neighbourhood + 1) where j != l {
            let numbers = values[j].filter { DigitReread.isNumber($0.text) && $0.confidence >= confidentNumber }
            if numbers.count >= 2 { centres += numbers.map { (centre($0), j) } }
        }
        centres.sort { $0.x < $1.x }
        var clusters: [[(x: Double, line: Int)]] = []
        for item in centres {
            if let last = clusters.last?.last, item.x - last.x < columnTolerance * height {
                clusters[clusters.count - 1].append(item)
            } else {
                clusters.append([item])
            }
        }
        return clusters.filter { Set($0.map(\.line)).count >= minimumLines }.map { $0.map(\.x).reduce(0, +) / Double($0.count) }
    }

    private static func overlap(_ a: Cell, _ b: Cell) -> Bool {
        a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height
    }
}
