import CByteScan
import CICUShim

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Pass 1, decoding: turns input bytes into UTF-8.
///
/// - Fixes: a UTF-8 BOM (dropped, logged); UTF-16 with a BOM; GB18030 / GBK / Big5 (detected with ICU's charset
///   detector, or forced with `forcedEncoding`), converted with ICU; in lossy mode each invalid UTF-8 sequence
///   becomes U+FFFD, each one an edit.
/// - Produces: valid UTF-8. For UTF-8 input its splices map back to the raw bytes; transcoded input becomes the
///   source itself (offsets then refer to its UTF-8 form).
/// - Never touches: valid UTF-8 content.
struct DecodingPass {
    struct Decoded {
        var bytes: [UInt8]
        var encoding: String
        /// Splices against the raw bytes (UTF-8 input only); nil when the input was transcoded.
        var splices: [Splice]?
    }

    func decode(_ raw: [UInt8], configuration: NormalizationConfiguration) throws(NormalizationError) -> Decoded {
        if let forced = configuration.forcedEncoding, !Self.isUTF8Name(forced) {
            return Decoded(bytes: try Self.convert(raw, from: forced), encoding: forced, splices: nil)
        }
        if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) {
            let encoding = raw[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            return Decoded(bytes: try Self.convert(Array(raw[2...]), from: encoding), encoding: encoding, splices: nil)
        }
        let bomLength = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Fast path: valid UTF-8 without a BOM or NUL.
        if bomLength == 0, raw.withUnsafeBufferPointer({ Self.firstInvalidUTF8(in: $0, from: 0) }) == nil {
            if let nul = raw.withUnsafeBufferPointer({ Self.firstNUL($0) }) { throw .binary(byteOffset: nul) }
            return Decoded(bytes: raw, encoding: "UTF-8", splices: [])
        }
        let firstError = raw.withUnsafeBufferPointer { Self.firstInvalidUTF8(in: $0, from: bomLength) }
        if firstError == nil || configuration.forcedEncoding != nil || configuration.isLossy {
            if let nul = raw.firstIndex(of: 0) { throw .binary(byteOffset: nul) }
            return raw.withUnsafeBufferPointer { Self.repairUTF8($0, bomLength: bomLength) }
        }
        let errorOffset = firstError!
        // Not UTF-8. UTF-8 with a few damaged bytes is damaged UTF-8, not another charset; text whose multibyte
        // sequences are often invalid is another charset (GBK pairs such as `C4 B3` can pass for UTF-8 now and then,
        // so the first bad byte alone cannot tell).
        let hasMultibyteBefore = raw[bomLength..<errorOffset].contains { $0 >= 0xC0 }
        let looksLikeOtherCharset = !hasMultibyteBefore || raw.withUnsafeBufferPointer { Self.isMostlyInvalidUTF8($0, from: bomLength) }
        if looksLikeOtherCharset, let guess = Self.detect(raw), Self.isChineseCharset(guess) {
            if raw.contains(0) && !guess.hasPrefix("UTF-16") { throw .binary(byteOffset: raw.firstIndex(of: 0)!) }
            return Decoded(bytes: try Self.convert(raw, from: guess), encoding: guess, splices: nil)
        }
        if let nul = raw.firstIndex(of: 0) { throw .binary(byteOffset: nul) }
        let (line, column) = Self.lineAndColumn(of: errorOffset, in: raw)
        throw .invalidUTF8(byteOffset: errorOffset, line: line, column: column)
    }

    // MARK: - UTF-8

    /// The offset of the first NUL byte (memchr: vectorised).
    static func firstNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        offset(of: 0, in: 0..<bytes.count, of: bytes)
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count else { return nil }
        // The C validator checks 32 bytes a step (AVX2) or skips ASCII sixteen at a time; it agrees with
        // `validSequenceLength` (tested).
        let offset = start + Int(nb_utf8_first_invalid(base + start, bytes.count - start))
        return offset < bytes.count ? offset : nil
    }

    /// Whether, in the first 64 KB, at least 3 of the non-ASCII sequences and at least one in 20 are invalid UTF-8:
    /// the signature of GBK, Big5 or GB18030 text rather than of UTF-8 with a damaged byte or two.
    static func isMostlyInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var i = start
        let end = min(bytes.count, start + 65_536)
        var valid = 0
        var invalid = 0
        while i < end {
            if bytes[i] < 0x80 {
                i += 1
                continue
            }
            let length = validSequenceLength(bytes, at: i)
            if length == 0 {
                invalid += 1
                i += 1
            } else {
                valid += 1
                i += length
            }
        }
        return invalid >= 3 && invalid * 20 >= invalid + valid
    }

    /// Length of the valid UTF-8 sequence at `i` (1–4), or 0 when the bytes there are not valid UTF-8.
    @inline(__always)
    static func validSequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b0 = b[i]
        if b0 < 0x80 { return 1 }
        let n = b.count
        func cont(_ k: Int) -> Bool { k < n && b[k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF: return cont(i + 1) ? 2 : 0
        case 0xE0: return i + 1 < n && (0xA0...0xBF).contains(b[i + 1]) && cont(i + 2) ? 3 : 0
        case 0xED: return i + 1 < n && (0x80...0x9F).contains(b[i + 1]) && cont(i + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(i + 1) && cont(i + 2) ? 3 : 0
        case 0xF0: return i + 1 < n && (0x90...0xBF).contains(b[i + 1]) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF1...0xF3: return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF4: return i + 1 < n && (0x80...0x8F).contains(b[i + 1]) && cont(i + 2) && cont(i + 3) ? 4 : 0
        default: return 0
        }
    }

    /// Drops the BOM and replaces each invalid byte with U+FFFD, logging each as a splice.
    static func repairUTF8(_ bytes: UnsafeBufferPointer<UInt8>, bomLength: Int) -> Decoded {
        var builder = SpliceBuilder(input: bytes)
        if bomLength > 0 { builder.replace(0..<bomLength, with: [], rule: "utf8-bom") }
        var i = bomLength
        while i < bytes.count {
            let length = validSequenceLength(bytes, at: i)
            if length == 0 {
                builder.replace(i..<(i + 1), with: [0xEF, 0xBF, 0xBD], rule: "invalid-utf8")
                i += 1
            } else {
                i += length
            }
        }
        guard let result = builder.finish()?.applied(to: bytes) else {
            return Decoded(bytes: Array(bytes), encoding: "UTF-8", splices: [])
        }
        return Decoded(bytes: result.output, encoding: "UTF-8", splices: result.splices)
    }

    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let column = bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
        return (line, column)
    }

    // MARK: - Other charsets, through ICU

    static func isUTF8Name(_ name: String) -> Bool {
        let key = name.uppercased().filter { $0.isLetter || $0.isNumber }
        return key == "UTF8"
    }

    /// Charsets a Chinese report plausibly comes in (ICU's detector names).
    static func isChineseCharset(_ name: String) -> Bool {
        ["GB18030", "GBK", "GB2312", "Big5", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"].contains(name)
    }

    static func detect(_ raw: [UInt8]) -> String? {
        var name = [CChar](repeating: 0, count: 64)
        let sample = raw.prefix(1 << 20)
        let confidence = sample.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                nb_detect_charset(chars.baseAddress, Int32(chars.count), &name, Int32(name.count))
            }
        }
        guard confidence >= 10 else { return nil }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func convert(_ raw: [UInt8], from charset: String) throws(NormalizationError) -> [UInt8] {
        guard raw.count < Int(Int32.max / 4) else { throw .conversionFailed(encoding: charset) }
        var capacity = raw.count * 3 / 2 + 16
        while true {
            var out = [UInt8](repeating: 0, count: capacity)
            var substitutions: Int32 = 0
            let length = raw.withUnsafeBufferPointer { source in
                source.withMemoryRebound(to: CChar.self) { src in
                    out.withUnsafeMutableBufferPointer { dst in
                        dst.withMemoryRebound(to: CChar.self) { d in
                            nb_convert_to_utf8(
                                charset, src.baseAddress, Int32(src.count), d.baseAddress, Int32(d.count),
                                &substitutions)
                        }
                    }
                }
            }
            if length == -1 { throw .unknownEncoding(charset) }
            if length < 0 { throw .conversionFailed(encoding: charset) }
            if Int(length) > capacity {
                capacity = Int(length) + 1
                continue
            }
            out.removeSubrange(Int(length)...)
            return out
        }
    }
}
