import Foundation
import Testing
import TextNormalization
import _TestSupport

/// Inputs the normaliser's fuzz harness failed on (Fixtures/fuzz/normalizer), checked as the harness checks them.
@Suite struct FuzzRegressionTests {
    static let inputs: [URL] = Fixtures.files(in: "fuzz/normalizer")

    @Test func thereAreInputs() { #expect(!Self.inputs.isEmpty) }

    @Test(arguments: inputs)
    func normalisingTwiceChangesNothing(_ url: URL) throws {
        let bytes = Array(try Data(contentsOf: url))
        for lossy in [false, true] {
            guard let once = try? TextNormalizer(configuration: .init(isLossy: lossy)).normalize(bytes: bytes) else { continue }
            let twice = TextNormalizer().normalize(once.text)
            #expect(twice.text == once.text, "\(url.lastPathComponent), lossy \(lossy): \(twice.edits.map(\.description))")
            // Offsets map into the source as decoded to UTF-8 (UTF-16 input has another length): only UTF-8 input is
            // bounded by its byte count.
            let end = once.offsetMap.sourceOffset(forOutputOffset: once.text.utf8.count)
            if once.sourceEncoding == "UTF-8" { #expect(end <= bytes.count) }
            #expect(end >= 0)
        }
    }
}
