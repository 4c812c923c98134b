import FuzzSupport
import ReportParsing

/// Any text through the strict parser: a report or a located error, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let report = try ReportParser().parse(text, source: "fuzz")
        _ = ReportRenderer.render(report)
    } catch {
        _ = error.description
    }
    return 0
}

/// `main` for this harness (see `runFuzzer`).
@_cdecl("FuzzParser_main")
public func fuzzParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzzParser(data, size) }
}
