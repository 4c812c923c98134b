/// An 8-bit grey image: a page `pdftoppm` rendered (binary PPM or PGM) read, pieces of it cut out and pasted
/// together, and written as PGM for tesseract. No image library: netpbm is a header and the pixels.
///
/// ```swift
/// let page = GrayImage(netpbm: bytesOfPage3PPM)!
/// var strip = GrayImage(width: 60, height: 80)
/// strip.paste(page.cropped(x: 739, y: 1426, width: 9, height: 16), x: 30, y: 30)
/// strip.pgm   // "P5\n60 80\n255\n…"
/// ```
struct GrayImage: Equatable {
    var width: Int
    var height: Int
    /// Row after row, 0 black to 255 white.
    var pixels: [UInt8]

    /// A white image.
    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        pixels = [UInt8](repeating: 255, count: self.width * self.height)
    }

    /// The largest side read: a page at 600 dpi is under 10,000 pixels; past this the header is damage.
    static let maximumSide = 40_000

    /// A binary PGM (`P5`) or PPM (`P6`, turned grey as ITU-R 601 luma, as Pillow's `convert("L")`), 8 bits a
    /// sample; nil for any other file or a short one.
    init?(netpbm bytes: [UInt8]) {
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "P"), bytes[1] == UInt8(ascii: "5") || bytes[1] == UInt8(ascii: "6")
        else { return nil }
        let channels = bytes[1] == UInt8(ascii: "6") ? 3 : 1
        var i = 2
        // The header: width, height and maxval, each after whitespace and `#` comments; one whitespace byte ends it.
        func number() -> Int? {
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "#") {
                    while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                } else if bytes[i] == 0x20 || (0x09...0x0D).contains(bytes[i]) {
                    i += 1
                } else {
                    break
                }
            }
            var value = 0
            let start = i
            while i < bytes.count, (0x30...0x39).contains(bytes[i]), value <= Self.maximumSide * 10 {
                value = value * 10 + Int(bytes[i] - 0x30)
                i += 1
            }
            return i > start ? value : nil
        }
        guard let width = number(), let height = number(), let maxval = number(), maxval == 255,
            (1...Self.maximumSide).contains(width), (1...Self.maximumSide).contains(height), i < bytes.count
        else { return nil }
        i += 1
        let count = width * height
        guard bytes.count - i >= count * channels else { return nil }
        self.width = width
        self.height = height
        if channels == 1 {
            pixels = Array(bytes[i..<(i + count)])
        } else {
            pixels = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                bytes.withUnsafeBufferPointer { source in
                    for p in 0..<count {
                        let r = Int(source[i + 3 * p]), g = Int(source[i + 3 * p + 1]), b = Int(source[i + 3 * p + 2])
                        buffer[p] = UInt8((r * 299 + g * 587 + b * 114) / 1000)
                    }
                }
                initialized = count
            }
        }
    }

    /// The part inside the rectangle, clipped to the image (empty when they do not meet).
    func cropped(x: Int, y: Int, width: Int, height: Int) -> GrayImage {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(self.width, x + width), y1 = min(self.height, y + height)
        guard x1 > x0, y1 > y0 else { return GrayImage(width: 0, height: 0) }
        var part = GrayImage(width: x1 - x0, height: y1 - y0)
        for row in 0..<part.height {
            let from = (y0 + row) * self.width + x0
            part.pixels.replaceSubrange((row * part.width)..<((row + 1) * part.width), with: pixels[from..<(from + part.width)])
        }
        return part
    }

    /// `other` copied in with its top-left corner at (x, y), clipped to this image.
    mutating func paste(_ other: GrayImage, x: Int, y: Int) {
        for row in 0..<other.height where (0..<height).contains(y + row) {
            for column in 0..<other.width where (0..<width).contains(x + column) {
                pixels[(y + row) * width + x + column] = other.pixels[row * other.width + column]
            }
        }
    }

    /// The image as a binary PGM file.
    var pgm: [UInt8] { Array("P5\n\(width) \(height)\n255\n".utf8) + pixels }
}
