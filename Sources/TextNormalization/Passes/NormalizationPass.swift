/// One step of the normaliser. Each pass lives in its own file, whose doc comment says what it fixes, what it
/// produces and what it never touches.
protocol NormalizationPass: Sendable {
    /// The name used in edits, `--disable` and the configuration.
    var name: NormalizationPassName { get }
    /// Reads valid UTF-8 `input`; returns the replacements it makes, or nil when nothing changes.
    func apply(to input: UnsafeBufferPointer<UInt8>, configuration: NormalizationConfiguration)
        -> PassEdits?
}
