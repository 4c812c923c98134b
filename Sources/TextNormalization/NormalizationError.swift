/// Input the normaliser cannot read. Every case says where.
public enum NormalizationError: Error, Sendable, Equatable {
    /// Bytes that are not UTF-8 and not another encoding we could recognise.
    case invalidUTF8(byteOffset: Int, line: Int, column: Int)
    /// A NUL byte in input that is not UTF-16: a binary file.
    case binary(byteOffset: Int)
    /// `--encoding` named a charset ICU does not know.
    case unknownEncoding(String)
    /// ICU failed to convert from the named charset.
    case conversionFailed(encoding: String)
}

extension NormalizationError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidUTF8(let offset, let line, let column):
            "invalid UTF-8 at byte \(offset) (line \(line), column \(column)); use --encoding to name the charset, "
                + "or --lossy to replace bad bytes"
        case .binary(let offset):
            "binary input: NUL byte at byte \(offset); expected report text"
        case .unknownEncoding(let name):
            "unknown encoding '\(name)' (ICU converter names such as GB18030, Big5, UTF-16LE)"
        case .conversionFailed(let encoding):
            "could not convert the input from \(encoding)"
        }
    }
}
