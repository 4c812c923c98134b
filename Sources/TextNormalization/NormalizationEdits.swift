/// Every change the normaliser made, in source order: a collection of `NormalizationEdit`.
///
/// The log is kept compact — numbers, and the before and after bytes of all edits in one buffer — and each
/// `NormalizationEdit` (with its two strings) is made only when it is read. A report of 40 KB has hundreds of edits
/// and a pipeline that only counts them per pass (or reads none) should not pay for their strings: making them
/// eagerly cost about a tenth of the normaliser's time.
///
/// ```swift
/// let edits = TextNormalizer().normalize("（一）予以公开\t０\n").edits
/// edits.count              // 1
/// edits[0].description     // "1:9  width  '０' → '0'"
/// edits.countsByPass       // [.widthFolding: 1]
/// ```
public struct NormalizationEdits: RandomAccessCollection, Sendable, Equatable, CustomStringConvertible {
    /// One edit without its strings: `before` and `after` are ranges of `bytes`.
    struct Record: Sendable {
        var pass: NormalizationPassName
        var rule: String
        var sourceRange: Range<Int>
        var line: Int
        var column: Int
        var before: Range<Int>
        var after: Range<Int>
    }

    private(set) var records: [Record]
    /// The before and after texts of all edits, one after the other (UTF-8).
    private(set) var bytes: [UInt8]

    /// An empty log.
    public init() {
        records = []
        bytes = []
    }

    /// A log holding `edits`, in the order given.
    public init(_ edits: some Sequence<NormalizationEdit>) {
        self.init()
        for edit in edits {
            let before = append(edit.before.utf8)
            let after = append(edit.after.utf8)
            records.append(
                Record(pass: edit.pass, rule: edit.rule, sourceRange: edit.sourceRange, line: edit.line,
                       column: edit.column, before: before, after: after))
        }
    }

    init(records: [Record], bytes: [UInt8]) {
        self.records = records
        self.bytes = bytes
    }

    private mutating func append(_ text: some Collection<UInt8>) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: text)
        return start..<bytes.count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    /// The edit at `position`, with its before and after texts.
    public subscript(position: Int) -> NormalizationEdit {
        let record = records[position]
        return bytes.withUnsafeBufferPointer { buffer in
            NormalizationEdit(
                pass: record.pass, rule: record.rule, sourceRange: record.sourceRange, line: record.line,
                column: record.column,
                before: String(decoding: UnsafeBufferPointer(rebasing: buffer[record.before]), as: UTF8.self),
                after: String(decoding: UnsafeBufferPointer(rebasing: buffer[record.after]), as: UTF8.self))
        }
    }

    /// How many edits each pass made (passes that made none are absent), read without making any edit's strings.
    public var countsByPass: [NormalizationPassName: Int] {
        // Counted by the pass's position among all passes, reading each record's pass in place (a dictionary
        // update per edit hashed the name, and the loop copied each record).
        let all = NormalizationPassName.allCases
        var byPosition = [Int](repeating: 0, count: all.count)
        records.withUnsafeBufferPointer { records in
            for k in records.indices {
                if let position = all.firstIndex(of: records[k].pass) { byPosition[position] += 1 }
            }
        }
        var counts: [NormalizationPassName: Int] = [:]
        for (position, count) in byPosition.enumerated() where count > 0 { counts[all[position]] = count }
        return counts
    }

    /// The source offsets where edits of `rule` start, in source order, read without making any edit's strings.
    public func sourceOffsets(ofRule rule: String) -> [Int] {
        records.filter { $0.rule == rule }.map(\.sourceRange.lowerBound)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.elementsEqual(rhs)
    }

    public var description: String { Array(self).description }
}
