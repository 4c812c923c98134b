import FuzzSupport
import HTMLExtraction

/// Any bytes through the HTML and .docx readers: text or an error, never a crash (libxml2, the grid builder, and
/// the zip reader: its central directory, local headers and inflate). Bytes that start like a zip go to the .docx
/// reader, so the docx seeds' mutations exercise it; the rest to the page reader (and the embedded-table cutter).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if HTMLExtractor.looksLikeDOCX(bytes) {
        _ = try? HTMLExtractor().document(fromDOCX: bytes)
        return 0
    }
    _ = HTMLExtractor.looksLikeHTML(bytes)
    _ = try? HTMLExtractor().text(from: bytes)
    _ = HTMLExtractor().replacingEmbeddedTables(in: bytes)
    return 0
}

/// `main` for this harness (see `runFuzzer`).
@_cdecl("FuzzHTML_main")
public func fuzzHTMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzzHTML(data, size) }
}
