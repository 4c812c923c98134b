import ReportModel

/// Pass 5, page artifacts: page furniture that PDF extraction leaves in the text.
///
/// - Fixes: page numbers and "page x of y" lines (`- 3 -`, `第 3 页 共 5 页`, `3/5`, `Page 3 of 5`: the shapes of
///   `PageArtifactTable`), and a running title: the report's first line repeated later as a whole line.
/// - Produces: the same text without those lines (each removed with its line feed).
/// - Never touches: a line with a tab (a table row), a lone number (in one-cell-per-line extractions it is a table
///   value), any line longer than `PageArtifactTable.maximumLineBytes` except a repeated title.
struct PageArtifactsPass: NormalizationPass {
    let name = NormalizationPassName.pageArtifacts

    func apply(to input: UnsafeBufferPointer<UInt8>, lines cache: inout LineCache, configuration: NormalizationConfiguration)
        -> PassEdits?
    {
        let lines = cache.ranges(of: input)
        var builder = SpliceBuilder(input: input)
        // The title: the first line that is neither blank nor page furniture (furniture is removed below, and the
        // title must be the same line when the text is normalised again).
        let titleIndex = lines.firstIndex { line in
            let content = trimmed(line, input)
            return !isBlankLine(line, input)
                && !(content.count <= PageArtifactTable.maximumLineBytes && !input[content].contains(0x09)
                    && pageFurniture(content, input) != nil)
        }
        let title = titleIndex.map { trimmed(lines[$0], input) }
        let titleBytes = title.map { Array(UnsafeBufferPointer(rebasing: input[$0])) } ?? []
        // Distinctive: six or more letters, digits or Han, some Han. Counted in characters, not bytes, so that later
        // passes (punctuation widened, letters narrowed) never change the verdict.
        let titleIsDistinctive = title.map { isDistinctive($0, input) } ?? false
        var removedThrough = 0  // the end of the last removal
        for (k, line) in lines.enumerated() {
            var rule: String? = nil
            let content = trimmed(line, input)
            if content.count <= PageArtifactTable.maximumLineBytes, !content.isEmpty,
                !input[content].contains(0x09), let found = pageFurniture(content, input)
            {
                rule = found
            } else if titleIsDistinctive, let titleIndex, k > titleIndex, content.count == titleBytes.count,
                input[content].elementsEqual(titleBytes)
            {
                rule = "running-title"
            }
            guard let rule else { continue }
            // Remove the line with its line feed (the one before it when it is the last line, unless that one went
            // with the line before, removed too).
            if line.upperBound < input.count {
                builder.replace(line.lowerBound..<(line.upperBound + 1), with: [], rule: rule)
                removedThrough = line.upperBound + 1
            } else if line.lowerBound > 0, line.lowerBound - 1 >= removedThrough {
                builder.replace((line.lowerBound - 1)..<line.upperBound, with: [], rule: rule)
            } else if !line.isEmpty {
                builder.replace(line, with: [], rule: rule)
            }
        }
        return builder.finish()
    }

    private func pageFurniture(_ range: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> String? {
        let scalars = DecodedScalars(range, of: input)
        guard let (shape, numbers) = PageArtifactTable.shape(of: scalars),
            let rule = PageArtifactTable.shapes[shape]
        else { return nil }
        if (shape.contains("/") || shape.contains("of") || shape.contains("共")), numbers.count == 2 {
            // "x of y" needs 1 ≤ x ≤ y: `12/31` in a date column is not a page count.
            // `共 5 页 第 3 页` gives the total first.
            let (page, total) = shape.hasPrefix("共") ? (numbers[1], numbers[0]) : (numbers[0], numbers[1])
            guard numbers.count == 2, page >= 1, page <= total, total <= 999 else { return nil }
            if shape == "D/D" && numbers[1] < 2 { return nil }
        }
        return rule
    }

    private func isDistinctive(_ range: Range<Int>, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var count = 0
        var han = false
        var i = range.lowerBound
        while i < range.upperBound {
            let (c, length) = decodeScalar(input, at: i)
            if CharacterClass.isHan(c) {
                han = true
                count += 1
            } else if let scalar = Unicode.Scalar(c), scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                count += 1
            }
            i += length
        }
        return han && count >= 6
    }
}
