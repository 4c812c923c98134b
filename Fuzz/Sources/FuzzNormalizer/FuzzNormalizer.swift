import FuzzSupport
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

/// `main` for this harness (see `runFuzzer`).
@_cdecl("FuzzNormalizer_main")
public func fuzzNormalizerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzzNormalizer(data, size) }
}
