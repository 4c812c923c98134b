import Foundation

/// The key labels are matched on when scoring: NFKC, then only letters, digits and Han kept, so `(三)` and
/// `（三）`, `1. 属于` and `1.属于` are one label.
public enum LabelKey {
    public static func of(_ label: String) -> String {
        let folded = label.precomposedStringWithCompatibilityMapping
        var out = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            out.append(scalar)
        }
        return String(out)
    }
}
