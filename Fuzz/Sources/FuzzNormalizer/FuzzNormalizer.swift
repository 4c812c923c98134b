import TextNormalization

/// Any bytes through the normaliser: it must not crash, and its output must be stable (normalising it again
/// changes nothing).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalizer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for lossy in [false, true] {
        guard let once = try? TextNormalizer(configuration: .init(isLossy: lossy)).normalize(bytes: bytes) else { continue }
        let twice = TextNormalizer().normalize(once.text)
        if twice.text != once.text { fatalError("not idempotent") }
        _ = once.offsetMap.sourceOffset(forOutputOffset: once.text.utf8.count)
    }
    return 0
}

/// SwiftPM links an executable with `main` aliased to `FuzzNormalizer_main`; under `-parse-as-library` nothing defines that
/// symbol, so this hands control to libFuzzer's driver with the callback above.
@_cdecl("FuzzNormalizer_main")
public func fuzzNormalizerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector) { data, size in fuzzNormalizer(data, size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
