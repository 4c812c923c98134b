@testable import PDFExtraction
import Testing

/// The grey images nianbao cuts OCR's unsure words out of: pdftoppm's PPM pages read, parts cut and pasted, PGM
/// written for tesseract.
@Suite struct GrayImageTests {
    /// A 3 × 2 PGM with a comment in its header reads pixel for pixel; writing it gives the same image back.
    @Test func aPGMReadsAndWritesBack() throws {
        let bytes = Array("P5\n# pdftoppm\n3 2\n255\n".utf8) + [0, 10, 20, 30, 40, 255]
        let image = try #require(GrayImage(netpbm: bytes))
        #expect(image.width == 3 && image.height == 2)
        #expect(image.pixels == [0, 10, 20, 30, 40, 255])
        #expect(GrayImage(netpbm: image.pgm) == image)
        #expect(image.pgm.starts(with: Array("P5\n3 2\n255\n".utf8)))
    }

    /// A PPM turns grey as ITU-R 601 luma (299 R + 587 G + 114 B, per mille): white stays 255, pure red 76.
    @Test func aPPMTurnsGrey() throws {
        let bytes = Array("P6 2 1 255\n".utf8) + [255, 255, 255, 255, 0, 0]
        let image = try #require(GrayImage(netpbm: bytes))
        #expect(image.pixels == [255, 76])
    }

    /// Other files, 16-bit samples, short data and absurd sizes are refused rather than read past their end.
    @Test func otherFilesAreRefused() {
        #expect(GrayImage(netpbm: Array("P3\n1 1\n255\n0 0 0\n".utf8)) == nil)
        #expect(GrayImage(netpbm: Array("P5\n1 1\n65535\n".utf8) + [0, 0]) == nil)
        #expect(GrayImage(netpbm: Array("P5\n4 4\n255\n".utf8) + [0, 0, 0]) == nil)
        #expect(GrayImage(netpbm: Array("P5\n99999999 1\n255\n".utf8) + [0]) == nil)
        #expect(GrayImage(netpbm: Array("P5\n".utf8)) == nil)
        #expect(GrayImage(netpbm: []) == nil)
    }

    /// A crop is clipped to the image (a word's box padded past the page's edge), and a paste to the target.
    @Test func cropsAndPastesAreClipped() {
        var page = GrayImage(width: 4, height: 3)
        page.pixels = Array(0..<12).map { UInt8($0) }
        let corner = page.cropped(x: -2, y: 1, width: 4, height: 5)
        #expect(corner.width == 2 && corner.height == 2)
        #expect(corner.pixels == [4, 5, 8, 9])
        #expect(page.cropped(x: 10, y: 0, width: 3, height: 3).pixels.isEmpty)
        var strip = GrayImage(width: 3, height: 3)
        strip.paste(corner, x: 2, y: 2)
        #expect(strip.pixels == [255, 255, 255, 255, 255, 255, 255, 255, 4])
    }
}
