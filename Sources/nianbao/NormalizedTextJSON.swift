import TextNormalization

/// The JSON form of a normalisation result: `{"text": …, "encoding": …, "edits": [{"pass", "rule", "line",
/// "column", "start", "end", "before", "after"}…], "pageStarts": […]}` (the edits' lines and columns are the
/// source's; `pageStarts` are the 1-based lines of `text` that start a page of the source, after each form feed).
/// Written by hand so key order is stable and fixed.
enum NormalizedTextJSON {
    static func render(_ result: NormalizedText) -> String {
        var out = "{\"text\":" + quote(result.text) + ",\"encoding\":" + quote(result.sourceEncoding) + ",\"edits\":["
        for (k, edit) in result.edits.enumerated() {
            if k > 0 { out += "," }
            out += "{\"pass\":\(quote(edit.pass.rawValue)),\"rule\":\(quote(edit.rule)),"
            out += "\"line\":\(edit.line),\"column\":\(edit.column),"
            out += "\"start\":\(edit.sourceRange.lowerBound),\"end\":\(edit.sourceRange.upperBound),"
            out += "\"before\":\(quote(edit.before)),\"after\":\(quote(edit.after))}"
        }
        out += "],\"pageStarts\":[" + result.pageStartLines.map { String($0 + 1) }.joined(separator: ",")
        return out + "]}"
    }

    /// A JSON string literal.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
