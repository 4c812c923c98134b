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

    private static func readAll(fd: Int32, sizeHint: Int = 0) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(sizeHint, 1 << 16))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }
}

/// Writes to standard output and standard error without Foundation.
enum Console {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in writeAll(fd: 1, buffer) }
    }

    static func writeBytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { writeAll(fd: 1, $0) }
    }

    static func error(_ text: String) {
        var line = text + "\n"
        line.withUTF8 { buffer in writeAll(fd: 2, buffer) }
    }

    private static func writeAll(fd: Int32, _ buffer: UnsafeBufferPointer<UInt8>) {
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
    }
}
