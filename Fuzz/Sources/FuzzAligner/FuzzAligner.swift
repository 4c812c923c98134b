import FuzzSupport
import ReportParsing
import TableAlignment
import TextNormalization

/// Any text through normalise → align → strict parse: the aligner must never crash, and its canonical text must
/// always parse (the parser refusing the aligner's output is a bug).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAligner(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let normalized = TextNormalizer().normalize(text)
    // With the pages its form feeds start, as the pipeline aligns it.
    guard let aligned = try? TableAligner().align(normalized.text, pageStartLines: normalized.pageStartLines) else { return 0 }
    do { _ = try ReportParser().parse(aligned.canonicalText, source: "fuzz") } catch { fatalError("canonical text did not parse: \(error)") }
    return 0
}

/// `main` for this harness (see `runFuzzer`).
@_cdecl("FuzzAligner_main")
public func fuzzAlignerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzzAligner(data, size) }
}
