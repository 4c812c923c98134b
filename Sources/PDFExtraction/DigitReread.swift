/// Values OCR read as something else, read again as digits: a glyph in a value's place (`汪`, `象`, `刘`), letters
/// (`JU`), a quote glued to a number (`“24`), a number it was unsure of (`315` for 15).
///
/// tesseract's Chinese model reads a small or blurred digit in a table cell as whatever Han character it looks most
/// like, and is unsure of it: such words come with a confidence of 0–55, where it reads label characters at 85–97.
/// Each such word standing among a row's values is cut out of the page (its box, a few pixels around it), the pieces
/// are stacked in one strip, and tesseract reads the strip once with its English model limited to digits. A piece
/// read as digits with confidence is the word's new text; anything else leaves the word as it was (the aligner then
/// takes it for an unreadable cell).
///
/// On the corpus's 32 reports as JPEG scans (150 dpi, quality 75) the reread took 407 glyph words; 392 of them are
/// the digits the PDF prints there (checked against `pdftotext -tsv` at the same place), and the cells read rose from
/// 82.79 % to 88.08 %. Of the numbers it was unsure of, 62 read otherwise the second time, 59 of them right (the
/// other 3 were wrong both times).
///
/// ```swift
/// let suspects = DigitReread.suspects(in: OCRLayout.lines(words))   // the words to read again
/// let (strip, bands) = DigitReread.strip(of: suspects.map { $0.word }, from: page)
/// let readings = DigitReread.readings(tsv: tesseractOutputOfStrip, bands: bands)
/// ```
enum DigitReread {
    // The rules, as measured on the corpus's OCR (JPEG scans and clean renders).

    /// A word is looked at again only below this confidence: tesseract reads label characters and most digits at
    /// 85–97, and the glyphs it makes of digits, and digits it misreads, at 0–55.
    static let suspectConfidence = 60.0
    /// At most this many characters: a cell holds a count (`象`, `JU`, `“24`), a label fragment is longer.
    static let maximumCharacters = 3
    /// Its box at most this many median word heights wide and this many high (a cell's digits, not a merged run).
    static let maximumWidth = 4.0
    static let maximumHeight = 2.0
    /// A number on the line at least this sure marks the line as a table row.
    static let confidentNumber = 70.0
    /// On a line without such a number (`行政处罚    测字`), the word must stand this many median heights after the
    /// word before it: a cell's distance, not a word's.
    static let columnGap = 3.0
    /// A reading is taken at this confidence or more (the wrong readings of the corpus came at 15–75).
    static let acceptedConfidence = 80.0
    /// Pixels kept around each word's box, and between the pieces of the strip.
    static let padding = 4
    static let gap = 30

    /// The tesseract arguments that read the strip: English, digits only, one block.
    static let arguments = ["-l", "eng", "--psm", "6", "-c", "tessedit_char_whitelist=0123456789"]

    /// Whether a word may stand in a value's place: a number, or text as short as a cell's (a glyph, `JU`, `“24`).
    static func mayBeValue(_ word: OCRLayout.Word) -> Bool {
        isNumber(word.text) || word.text.unicodeScalars.count <= maximumCharacters
    }

    /// Whether `text` is a number as OCR writes one: a digit, then digits, commas and points.
    static func isNumber(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "," || $0 == "." }
    }

    /// The words of a page's lines (`OCRLayout.lines`) worth reading again as digits, as (line, index in line).
    ///
    /// A suspect is short, unsure, no larger than a cell's digits, and stands among the line's values: every word
    /// after it is a number or as short, and the line holds a confident number or the word stands a cell's distance
    /// from the word before it.
    static func suspects(in lines: [[OCRLayout.Word]]) -> [(line: Int, index: Int)] {
        let height = OCRLayout.medianHeight(lines.flatMap { $0 })
        var found: [(line: Int, index: Int)] = []
        for (l, line) in lines.enumerated() {
            let hasNumber = line.contains { isNumber($0.text) && $0.confidence >= confidentNumber }
            for (i, word) in line.enumerated() {
                guard word.text.unicodeScalars.count <= maximumCharacters, word.confidence < suspectConfidence,
                    Double(word.width) <= maximumWidth * height, Double(word.height) <= maximumHeight * height,
                    line[(i + 1)...].allSatisfy(mayBeValue)
                else { continue }
                if !hasNumber {
                    guard i == 0 || Double(word.left - (line[i - 1].left + line[i - 1].width)) >= columnGap * height else { continue }
                }
                found.append((l, i))
            }
        }
        return found
    }

    /// The words' boxes cut out of `page` and stacked in one strip, top to bottom; each piece's rows in the strip
    /// (its band, the gap around it included), in the words' order.
    static func strip(of words: [OCRLayout.Word], from page: GrayImage) -> (image: GrayImage, bands: [Range<Int>]) {
        strip(of: words.map { piece(of: $0, from: page) })
    }

    /// A word's box cut out of the page, `padding` pixels around it.
    static func piece(of word: OCRLayout.Word, from page: GrayImage) -> GrayImage {
        page.cropped(x: word.left - padding, y: word.top - padding, width: word.width + 2 * padding, height: word.height + 2 * padding)
    }

    /// Pieces of a page stacked in one strip, top to bottom, `gap` pixels around each; each piece's rows in the
    /// strip (its band, the gap around it included), in order.
    static func strip(of pieces: [GrayImage]) -> (image: GrayImage, bands: [Range<Int>]) {
        let width = (pieces.map(\.width).max() ?? 0) + 2 * gap
        let height = pieces.reduce(gap) { $0 + $1.height + gap }
        var image = GrayImage(width: width, height: height)
        var bands: [Range<Int>] = []
        var y = gap
        for piece in pieces {
            image.paste(piece, x: gap, y: y)
            bands.append((y - gap / 2)..<(y + piece.height + gap / 2))
            y += piece.height + gap
        }
        return (image, bands)
    }

    /// What tesseract read in each band of the strip (its `tsv` output): the words whose vertical centre is in the
    /// band, joined left to right, and the least confidence among them; nil where it read nothing.
    static func readings(tsv: String, bands: [Range<Int>]) -> [(text: String, confidence: Double)?] {
        var readings: [(text: String, confidence: Double)?] = Array(repeating: nil, count: bands.count)
        let words = OCRLayout.words(tsv: tsv).sorted { $0.left < $1.left }
        for word in words {
            guard let b = bands.firstIndex(where: { $0.contains(Int(word.centre)) }) else { continue }
            if let earlier = readings[b] {
                readings[b] = (earlier.text + word.text, min(earlier.confidence, word.confidence))
            } else {
                readings[b] = (word.text, word.confidence)
            }
        }
        return readings
    }

    /// The text a reading gives the word, or nil when it is not sure digits.
    static func accepted(_ reading: (text: String, confidence: Double)?) -> String? {
        guard let reading, isNumber(reading.text), reading.confidence >= acceptedConfidence else { return nil }
        return reading.text
    }
}
