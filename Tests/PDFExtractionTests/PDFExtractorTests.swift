import PDFExtraction
import Testing

/// Which pages of a PDF are JPEG scans, from `pdfimages -list`: the largest image of each page decides (a small
/// logo in another encoding does not).
@Suite struct JPEGPagesTests {
    static let listing = """
        page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio
        --------------------------------------------------------------------------------------------
           1     0 image    1241  1754  rgb     3   8  jpeg   no        13  0   150   150 34.1K 0.5%
           2     1 image    1241  1754  gray    1   8  image  no        14  0   150   150  277K 4.3%
           2     2 image      80    80  rgb     3   8  jpeg   no        15  0   300   300  3.1K 1.9%
           3     3 image     120    90  rgb     3   8  image  no        16  0    72    72  1.2K 2.0%
           3     4 image    2482  3508  gray    1   8  jpeg   no        17  0   300   300  402K 4.6%
        """

    @Test func theLargestImageOfEachPageDecides() {
        #expect(PDFExtractor.jpegPages(listing: Self.listing) == [1, 3])
    }

    @Test func aListingWithoutImagesOrHeaderNamesNoPage() {
        let header = Self.listing.split(separator: "\n").prefix(2).joined(separator: "\n")
        #expect(PDFExtractor.jpegPages(listing: header).isEmpty)
        #expect(PDFExtractor.jpegPages(listing: "").isEmpty)
        #expect(PDFExtractor.jpegPages(listing: "pdfimages: command failed").isEmpty)
    }
}

/// Which pages are scans (an image of at least 5 × 5 inches at its resolution), so that their text layer, some
/// OCR's, is read beside nianbao's own OCR.
@Suite struct PageSizedImagesTests {
    @Test func pagesWithAPageSizedImage() {
        // Pages 1–3 hold an A4 scan at 150, 150 and 300 ppi; page 2's 80-pixel logo and page 3's 120 × 90 stamp
        // are no scan.
        #expect(PDFExtractor.pageSizedImages(listing: JPEGPagesTests.listing) == [1, 2, 3])
    }

    @Test func smallImagesAndPhotosAreNoScan() {
        let listing = """
            page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio
            --------------------------------------------------------------------------------------------
               1     0 image     600   400  rgb     3   8  jpeg   no        13  0   150   150 34.1K 0.5%
               2     1 image    1241  1754  rgb     3   8  jpeg   no        14  0   300   300 34.1K 0.5%
            """
        // A 4 × 2.7 inch photo; an A4-sized pixel count at 300 ppi is a 4 × 5.8 inch picture.
        #expect(PDFExtractor.pageSizedImages(listing: listing).isEmpty)
        #expect(PDFExtractor.pageSizedImages(listing: "").isEmpty)
    }
}
