/// Tables flattened to one line, labels and digits run together (a page whose markup was stripped):
/// `一、本年新收政府信息公开申请数量801000081二、上年结转…` is cut back into one line per row at the known labels, each
/// label followed by a tab and the digits that stood after it.
enum FlattenedRows {
    /// Lines of at least this many characters that hold three or more row labels are taken for flattened tables.
    static let minimumLength = 40

    /// `lines` with every flattened line of `region` cut into rows; the same lines otherwise.
    /// Also returns, for each output line, the input line it came from.
    static func unflatten(_ lines: [Substring], region: Range<Int>, labels: [String])
        -> (lines: [Substring], changed: Bool, origin: [Int])
    {
        var out: [Substring] = []
        var origin: [Int] = []
        var changed = false
        for (k, line) in lines.enumerated() {
            guard region.contains(k), line.count >= minimumLength, line.count <= TableAligner.maximumLabelLineLength,
                !line.contains("\t"), let rows = split(line, labels: labels)
            else {
                out.append(line)
                origin.append(k)
                continue
            }
            out += rows
            origin += Array(repeating: k, count: rows.count)
            changed = true
        }
        return (out, changed, origin)
    }

    /// The rows of one flattened line, or nil when it does not hold at least three labels followed by digits.
    static func split(_ line: Substring, labels: [String]) -> [Substring]? {
        let text = Array(line)
        // Each label's occurrences, in line order, without overlaps (longest first at a position).
        var found: [(start: Int, end: Int)] = []
        var i = 0
        let sorted = labels.filter { $0.count >= 2 }.sorted { $0.count > $1.count }.map(Array.init)
        while i < text.count {
            if let label = sorted.first(where: { i + $0.count <= text.count && Array(text[i..<(i + $0.count)]) == $0 }) {
                found.append((i, i + label.count))
                i += label.count
            } else {
                i += 1
            }
        }
        var rows: [Substring] = []
        var withDigits = 0
        if let first = found.first, first.start > 0 { rows.append(Substring(String(text[..<first.start]))) }
        for (n, match) in found.enumerated() {
            let next = n + 1 < found.count ? found[n + 1].start : text.count
            let label = String(text[match.start..<match.end])
            let rest = String(text[match.end..<next]).trimmingCharacters(in: " ")
            let digits = rest.filter { $0 != " " }
            if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) {
                withDigits += 1
                rows.append(Substring(label + "\t" + digits))
            } else {
                rows.append(Substring(label + (rest.isEmpty ? "" : "\t" + rest)))
            }
        }
        return withDigits >= 3 ? rows : nil
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
