import Foundation

/// Golden files a human can read: compares `actual` with the file, or writes the file when the environment has
/// `NIANBAO_RECORD=1`. A missing golden file is a failure, never a silent pass.
public enum Golden {
    public enum Outcome: Equatable, CustomStringConvertible {
        case matches
        case recorded
        case missing(String)
        case differs(String)

        public var description: String {
            switch self {
            case .matches: "matches"
            case .recorded: "recorded"
            case .missing(let path): "golden file \(path) is missing: run with NIANBAO_RECORD=1 to create it"
            case .differs(let diff): diff
            }
        }
    }

    /// Whether goldens are being re-recorded.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["NIANBAO_RECORD"] == "1" }

    public static func check(_ actual: String, against url: URL) -> Outcome {
        if isRecording {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return .recorded
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else { return .missing(url.path) }
        if expected == actual { return .matches }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for k in 0..<max(e.count, a.count) {
            let el = k < e.count ? String(e[k]) : "<end>"
            let al = k < a.count ? String(a[k]) : "<end>"
            if el != al {
                return .differs("\(url.lastPathComponent) line \(k + 1):\n  expected: \(el)\n  actual:   \(al)")
            }
        }
        return .differs("\(url.lastPathComponent): differs")
    }
}
