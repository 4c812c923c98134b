/// One table value: the common currency of parse output, gold files and scoring.
///
/// ```json
/// {"table": "requests", "row": "三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密", "column": "自然人", "value": 0}
/// ```
/// `row` is the canonical label path joined with ` / ` (`""` for the one row of `review`); `column` is the leaf
/// header for `active` and `requests`, the header path for `review` (`行政诉讼 / 复议后起诉 / 总计`).
public struct Cell: Codable, Sendable, Hashable {
    public var table: TableKind
    public var row: String
    public var column: String
    /// Integers, negative for `本年增/减`, decimals for money.
    public var value: Double

    public init(table: TableKind, row: String, column: String, value: Double) {
        self.table = table
        self.row = row
        self.column = column
        self.value = value
    }

    /// Where the cell stands, without its value.
    public var key: CellKey { CellKey(table: table, row: row, column: column) }
}

/// A cell's place: table, row path and column.
public struct CellKey: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var table: TableKind
    public var row: String
    public var column: String

    public init(table: TableKind, row: String, column: String) {
        self.table = table
        self.row = row
        self.column = column
    }

    /// Keys compare and hash by their UTF-8 bytes. Labels come from the templates (already in NFC), and hashing
    /// a `String` normalises it first, which made key lookups the largest cost of the aligner and parser.
    @inlinable
    public static func == (a: CellKey, b: CellKey) -> Bool {
        a.table == b.table && bytesEqual(a.row, b.row) && bytesEqual(a.column, b.column)
    }

    /// Whether two labels have the same UTF-8 bytes (how keys compare), read in place.
    @inlinable
    public static func bytesEqual(_ a: String, _ b: String) -> Bool {
        // The same string value — a key copied from the template's, or the same small string — is the same bits:
        // equal without reading a byte (most comparisons of the aligner and the parser are of such copies).
        if MemoryLayout<String>.size == 16,
            unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self)
        {
            return true
        }
        return bytesEqual(a.utf8, b.utf8)
    }

    /// Whether two pieces of text have the same UTF-8 bytes, read in place: lengths first, then eight bytes at a
    /// time (a generic `elementsEqual` walks the views byte by byte through their iterators).
    ///
    /// ```swift
    /// CellKey.bytesEqual("万元".utf8, cell.utf8)
    /// ```
    @inlinable
    public static func bytesEqual<X: Collection<UInt8>, Y: Collection<UInt8>>(_ x: X, _ y: Y) -> Bool {
        guard x.count == y.count else { return false }
        // Read in place (no copy of either string): keys copied from one template share their storage and need no
        // comparison; else eight bytes at a time.
        let inPlace = x.withContiguousStorageIfAvailable { x in
            y.withContiguousStorageIfAvailable { y in
                if x.baseAddress == y.baseAddress { return true }
                let rx = UnsafeRawBufferPointer(x)
                let ry = UnsafeRawBufferPointer(y)
                var i = 0
                while i + 8 <= rx.count {
                    if rx.loadUnaligned(fromByteOffset: i, as: UInt64.self) != ry.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                        return false
                    }
                    i += 8
                }
                while i < rx.count {
                    if rx[i] != ry[i] { return false }
                    i += 1
                }
                return true
            }
        }
        if let inPlace, let equal = inPlace { return equal }
        return x.elementsEqual(y)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(table)
        Self.combine(row, into: &hasher)
        Self.combine(column, into: &hasher)
    }

    private static func combine(_ string: String, into hasher: inout Hasher) {
        if string.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            Array(string.utf8).withUnsafeBytes { hasher.combine(bytes: $0) }  // the same bytes, the same hash
        }
        hasher.combine(0xFF as UInt8)  // a separator no UTF-8 text contains
    }

    public static func < (a: CellKey, b: CellKey) -> Bool {
        (a.table, a.row, a.column) < (b.table, b.row, b.column)
    }

    public var description: String { "\(table.rawValue) | \(row) | \(column)" }
}

/// A gold or prediction file: `{"agency", "year", "edition", "cells": [...]}`.
public struct CellFile: Codable, Sendable, Hashable {
    public var agency: String?
    public var year: Int?
    public var edition: Edition
    public var cells: [Cell]

    public init(agency: String?, year: Int?, edition: Edition, cells: [Cell]) {
        self.agency = agency
        self.year = year
        self.edition = edition
        self.cells = cells
    }
}
