import ReportParsing
import TableAlignment
import TextNormalization

/// Any text through normalise → align → strict parse: the aligner must never crash, and its canonical text must
/// always parse (the parser refusing the aligner's output is a bug).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAligner(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let normalized = TextNormalizer().normalize(text).text
    guard let aligned = try? TableAligner().align(normalized) else { return 0 }
    do { _ = try ReportParser().parse(aligned.canonicalText, source: "fuzz") } catch { fatalError("canonical text did not parse: \(error)") }
    return 0
}

/// SwiftPM links an executable with `main` aliased to `FuzzAligner_main`; under `-parse-as-library` nothing defines that
/// symbol, so this hands control to libFuzzer's driver with the callback above.
@_cdecl("FuzzAligner_main")
public func fuzzAlignerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector) { data, size in fuzzAligner(data, size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
