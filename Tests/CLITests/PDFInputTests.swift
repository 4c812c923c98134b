import Foundation
import Testing
import _TestSupport

/// `nianbao parse report.pdf`: extractors run as subprocesses; a missing one is named with its Debian package.
@Suite struct PDFInputTests {
    @Test func aCorpusPDFIsReadOrTheMissingToolIsNamed() throws {
        let pdf = Fixtures.directory.appendingPathComponent("corpus/c003_2019/report.pdf").path
        let hasPoppler = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].contains { FileManager.default.isExecutableFile(atPath: $0) }
        let result = try CommandRunner.run(["parse", pdf])
        if hasPoppler {
            #expect(result.status == 0, "\(result.stderr)")
            let json = try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any]
            let flags = (json?["flags"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            #expect(flags.contains { $0.hasPrefix("table requests read from the") })
            #expect((json?["cells"] as? [Any])?.count == 198)
        } else {
            #expect(result.status == 65)
            #expect(result.stderr.contains("pdftotext not found on PATH (Debian: apt-get install poppler-utils)"))
        }
    }

    @Test func aBrokenPDFIsADataErrorNamingTheFile() throws {
        let url = try CommandRunner.temporaryDirectory().appendingPathComponent("broken.pdf")
        try Data("%PDF-1.4\nthis is not a pdf\n".utf8).write(to: url)
        let result = try CommandRunner.run(["parse", url.path])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("nianbao: error: \(url.path): no extraction of the PDF holds report tables"))
    }
}
