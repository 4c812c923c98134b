/// The passes of the normaliser, in the order they run.
public enum NormalizationPassName: String, CaseIterable, Sendable, Codable, Hashable {
    /// Bytes to UTF-8: BOM, UTF-16, GB18030/GBK/Big5, invalid bytes (lossy mode).
    case decoding
    /// Zero-width and control characters, odd spaces, line endings.
    case invisibleCharacters = "invisible"
    /// Markdown debris: headings, bold, bullets, links, rules.
    case markdown
    /// Table rows drawn with box-drawing rules or saved as CSV → tab-separated cells.
    case tableDelimiters = "table-delimiters"
    /// Page numbers, `第 3 页 共 5 页`, running titles.
    case pageArtifacts = "page-artifacts"
    /// Sentences broken across lines or pages rejoined.
    case splitLines = "split-lines"
    /// Full-width letters and digits, radicals, compatibility ideographs, enclosed numbers.
    case widthFolding = "width"
    /// Full-width and half-width punctuation under the chosen policy.
    case punctuation
    /// Spaces that extraction put between Han characters; item-number spacing; trailing spaces.
    case cjkSpacing = "cjk-spacing"
    /// OCR letter/digit confusions, thousands separators and minus signs inside numbers.
    case numericContext = "numeric"
}

/// How punctuation is written out.
public enum PunctuationPolicy: String, CaseIterable, Sendable, Codable, Hashable {
    /// The form the national templates print: Chinese punctuation in Chinese text, ASCII between digits or Latin.
    case canonical
    /// Everything folded to ASCII, for building matching keys.
    case ascii
}

/// A versioned set of switches for the normaliser.
///
/// ```swift
/// var configuration = NormalizationConfiguration.default
/// configuration.disable(.splitLines)
/// let normalizer = TextNormalizer(configuration: configuration)
/// ```
public struct NormalizationConfiguration: Sendable, Codable, Hashable {
    /// The version of the rules; bumped whenever a pass or table changes its output on some input.
    public static let currentVersion = 2

    /// The rules version this configuration asks for.
    public var version: Int
    /// The punctuation policy.
    public var punctuationPolicy: PunctuationPolicy
    /// Passes that do not run. Decoding always runs (the text must be UTF-8), but its lossy mode is a switch.
    public var disabledPasses: Set<NormalizationPassName>
    /// Replace invalid UTF-8 with U+FFFD (each replacement an edit) instead of failing.
    public var isLossy: Bool
    /// Force a source encoding (an ICU converter name such as `GB18030`, `Big5`, `UTF-16LE`) instead of detecting it.
    public var forcedEncoding: String?

    /// The default: every pass on, `canonical` punctuation, strict UTF-8.
    public static let `default` = NormalizationConfiguration()

    public init(
        punctuationPolicy: PunctuationPolicy = .canonical,
        disabledPasses: Set<NormalizationPassName> = [],
        isLossy: Bool = false,
        forcedEncoding: String? = nil
    ) {
        self.version = Self.currentVersion
        self.punctuationPolicy = punctuationPolicy
        self.disabledPasses = disabledPasses
        self.isLossy = isLossy
        self.forcedEncoding = forcedEncoding
    }

    /// Whether `pass` runs.
    public func isEnabled(_ pass: NormalizationPassName) -> Bool { !disabledPasses.contains(pass) }

    /// Turns `pass` off.
    public mutating func disable(_ pass: NormalizationPassName) { disabledPasses.insert(pass) }
}
