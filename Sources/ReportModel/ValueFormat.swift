/// How values are written in canonical text and CSV: the one number format every output shares.
public enum ValueFormat {
    /// Integers without a decimal point, other numbers in their shortest round-tripping form, never in exponent
    /// notation (`0.00001`, not `1e-05`).
    public static func canonical(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        // Past 15 digits Swift writes exponents (`1e+30`), which no cell may hold: write the digits out.
        if abs(value) >= 1e15, value.isFinite { return plainDigits(value.rounded()) }
        let text = "\(value)"
        // Below 1e-4 Swift writes exponents too (`4.099276460824345e-17`): write the decimal digits out.
        guard value.isFinite, let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]), exponent < 0
        else { return text }
        let mantissa = text[..<e]
        let negative = mantissa.hasPrefix("-")
        let digits = mantissa.filter { $0.isNumber }
        return (negative ? "-" : "") + "0." + String(repeating: "0", count: -exponent - 1) + digits
    }

    /// The exact integer digits of a large integral value (`1e30` → `1000000000000000019884624838656`): the
    /// significand times a power of two, in base-10⁹ limbs.
    static func plainDigits(_ value: Double) -> String {
        // Below 2^64 the integer conversion is exact (and the limb loop below assumes an exponent of 52 or more).
        if value.magnitude < 18_446_744_073_709_551_616 { return (value < 0 ? "-" : "") + String(UInt64(value.magnitude)) }
        var limbs: [UInt64] = [value.significandBitPattern | (1 << 52)]  // base 1e9 after normalising below
        var exponent = Int(value.exponent) - 52
        func normalise() {
            var carry: UInt64 = 0
            for k in limbs.indices {
                let v = limbs[k] + carry
                limbs[k] = v % 1_000_000_000
                carry = v / 1_000_000_000
            }
            while carry > 0 {
                limbs.append(carry % 1_000_000_000)
                carry /= 1_000_000_000
            }
        }
        normalise()
        while exponent > 0 {
            for k in limbs.indices { limbs[k] *= 2 }
            normalise()
            exponent -= 1
        }
        var text = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return (value < 0 ? "-" : "") + text
    }
}
