import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file or standard input, read whole as bytes, with errors that name the input.
struct InputSource: Sendable {
    /// The name used in messages: the path, or `<stdin>`.
    let name: String
    let path: String?

    /// `-` means standard input.
    init(argument: String) {
        if argument == "-" {
            name = "<stdin>"
            path = nil
        } else {
            name = argument
            path = argument
        }
    }

    enum ReadError: Error, CustomStringConvertible {
        case missing(String)
        case directory(String)
        case unreadable(String, String)

        var description: String {
            switch self {
            case .missing(let name): "\(name): no such file"
            case .directory(let name): "\(name): is a directory with no file matching --glob (give files, a folder of them, or '-' for standard input)"
            case .unreadable(let name, let reason): "\(name): cannot read: \(reason)"
            }
        }
    }

    /// Reads the whole input, or reports why not on stderr (naming the input) and exits 66.
    func readOrExit() throws -> [UInt8] {
        do { return try read() } catch {
            Console.error("nianbao: error: \(error)")
            throw NianbaoExit.noInput
        }
    }

    /// Reads the whole input.
    func read() throws(ReadError) -> [UInt8] {
        guard let path else { return Self.readAll(fd: 0) ?? [] }
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { throw .missing(name) }
            throw .unreadable(name, String(cString: strerror(errno)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .directory(name) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(name, String(cString: strerror(errno))) }
        defer { close(fd) }
        guard let bytes = Self.readAll(fd: fd, sizeHint: Int(info.st_size)) else {
            throw .unreadable(name, String(cString: strerror(errno)))
        }
        return bytes
    }

    /// Reads `fd` to its end, straight into the array it returns: one buffer of the file's size (and a byte more,
    /// to see the end without another read buffer) when `sizeHint` knows it, buffers that double for a stream.
    /// (A zeroed 1 MB read buffer per file cost a batch of small reports more than normalising them.)
    private static func readAll(fd: Int32, sizeHint: Int = 0) -> [UInt8]? {
        var result: [UInt8] = []
        var capacity = max(sizeHint + 1, 1 << 16)
        while true {
            var failed = false
            var atEnd = false
            let part = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = 0
                while count < buffer.count {
                    let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failed = true
                        return
                    }
                    if n == 0 {
                        atEnd = true
                        return
                    }
                    count += n
                }
            }
            if failed { return nil }
            if result.isEmpty { result = part } else { result.append(contentsOf: part) }
            if atEnd { return result }
            capacity = max(capacity, result.count)
        }
    }
}

/// Writes the output files of batch runs.
enum OutputFile {
    /// Writes `bytes` to `path` (created or truncated, mode 0644), making its folder first when it is not the
    /// last one made; false when it cannot be written. No fsync: a batch writes thousands of small files, and
    /// `Data.write(to:)`'s fsync per file cost more than parsing them.
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if !folder.isEmpty, folder != lastFolder.withLock({ $0 }) {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            lastFolder.withLock { $0 = folder }
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        let written = bytes.withUnsafeBufferPointer { Console.writeAll(fd: fd, $0) }
        return close(fd) == 0 && written
    }

    /// The folder the last write made sure of (the outputs of one input folder mostly share theirs).
    private static let lastFolder = Mutex<String>("")
}

/// Writes to standard output and standard error without Foundation.
enum Console {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in _ = writeAll(fd: 1, buffer) }
    }

    static func writeBytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { _ = writeAll(fd: 1, $0) }
    }

    static func error(_ text: String) {
        var line = text + "\n"
        line.withUTF8 { buffer in _ = writeAll(fd: 2, buffer) }
    }

    /// Writes all of `buffer` to `fd`; false when a write fails.
    @discardableResult
    static func writeAll(fd: Int32, _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }
}
