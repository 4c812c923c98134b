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
            #expect(once.offsetMap.sourceOffset(forOutputOffset: once.text.utf8.count) <= bytes.count)
        }
    }
}
