import FuzzSupport
import HTMLExtraction

/// Any bytes through the HTML reader: text or an error, never a crash (libxml2 and the grid builder).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = HTMLExtractor.looksLikeHTML(bytes)
    _ = try? HTMLExtractor().text(from: bytes)
    return 0
}

/// `main` for this harness (see `runFuzzer`).
@_cdecl("FuzzHTML_main")
public func fuzzHTMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzzHTML(data, size) }
}
