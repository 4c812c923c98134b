/// The one piece every harness shares: handing control to libFuzzer's driver.
///
/// SwiftPM links an executable with `main` aliased to `<Target>_main`; under `-parse-as-library` nothing defines
/// that symbol, so each harness defines it (`@_cdecl` names must differ per target) as one call to this:
///
/// ```swift
/// @_cdecl("FuzzParser_main")
/// public func fuzzParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
///     runFuzzer(argc, argv) { data, size in fuzzParser(data, size) }
/// }
/// ```
public func runFuzzer(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector, callback)
}

/// libFuzzer's entry point for programs that own `main` (compiler-rt, `FuzzerDriver.cpp`).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
