import HTMLExtraction

/// Any bytes through the HTML reader: text or an error, never a crash (libxml2 and the grid builder).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = HTMLExtractor.looksLikeHTML(bytes)
    _ = try? HTMLExtractor().text(from: bytes)
    return 0
}

/// SwiftPM links an executable with `main` aliased to `FuzzHTML_main`; under `-parse-as-library` nothing defines that
/// symbol, so this hands control to libFuzzer's driver with the callback above.
@_cdecl("FuzzHTML_main")
public func fuzzHTMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector) { data, size in fuzzHTML(data, size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
