/// The characters `TableDelimitersPass` reads as cell rules, and its limits. Data, one comment per entry.
enum TableDelimiterTable {
    /// Vertical rules between cells of a row drawn with box-drawing characters.
    static let verticalRules: Set<UInt32> = [
        0x2502,  // │ light vertical (the commonest: terminal and text renderings of tables)
        0x2503,  // ┃ heavy vertical
        0x2551,  // ║ double vertical
        0x250A,  // ┊ light quadruple dash vertical
        0x2506,  // ┆ light triple dash vertical
    ]

    /// The Box Drawing block (U+2500–U+257F): a line of these and spaces only is a border (`┌──┬──┐`, `├──┼──┤`,
    /// `╔══╦══╗`), removed.
    static func isBoxDrawing(_ c: UInt32) -> Bool { (0x2500...0x257F).contains(c) }

    /// The longest field, in characters, of a CSV row: the longest template label is 35 characters
    /// (`（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）`); prose between commas runs longer.
    static let longestField = 48

    /// The fewest fields of a CSV row: three (two commas), 表二's narrowest sub-tables (`规章 1150,0,1271`; the
    /// sheet's spacer rows `,,`). Prose is kept out by the block's other tests (three such lines in a row, fields no
    /// longer than a label, a data row of three numbers or more).
    static let fewestFields = 3

    /// The longest line, in bytes, read as a table row (and the longest pipe-table row of the markdown pass): a
    /// row of 表三 is under 1 KB; a longer line is prose or a dump, and splitting it would only cost memory.
    static let longestRow = 16_384

    /// The longest line, in bytes, taken for a row of one cell spanning a pipe table (html2text writes a `colspan`
    /// cell without pipes: `第二十条第（五）项` between rows): the longest template label is 105 bytes; a longer line
    /// without pipes ends the table.
    static let longestSpanningCell = 160
}
