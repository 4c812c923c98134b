import ArgumentParser
import ExtractionScoring

/// `nianbao noise`: seeded, reproducible extraction damage, for testing extractors and repairs.
struct NoiseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "noise",
        abstract: "Damage clean report text the way PDF extraction and OCR do, reproducibly from a seed.",
        discussion: "Kinds: \(NoiseInjector.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")

    @Option(help: "The random seed: the same seed gives the same damage.") var seed: UInt64
    @Option(help: "Probability of each kind of damage at each place it can happen (0–1).") var rate = 0.05
    @Option(help: "Comma-separated kinds of damage (default: all).") var kinds: String?
    @Flag(help: "List the damage done (LINE  KIND  'before' → 'after') on stderr.") var explain = false
    @Argument(help: "A clean text file ('-' for standard input).") var file: String = "-"

    func validate() throws {
        guard (0...1).contains(rate) else { throw ValidationError("--rate must be between 0 and 1") }
        _ = try selectedKinds()
    }

    func selectedKinds() throws -> Set<NoiseInjector.Kind> {
        guard let kinds else { return Set(NoiseInjector.Kind.allCases) }
        var selected = Set<NoiseInjector.Kind>()
        for name in kinds.split(separator: ",") {
            guard let kind = NoiseInjector.Kind(rawValue: String(name)) else {
                throw ValidationError("unknown kind '\(name)'; kinds: \(NoiseInjector.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            selected.insert(kind)
        }
        return selected
    }

    func run() throws {
        let input = InputSource(argument: file)
        let bytes = try input.readOrExit()
        let text = String(decoding: bytes, as: UTF8.self)
        let result = NoiseInjector(seed: seed, rate: rate, kinds: try selectedKinds()).damage(text)
        Console.write(result.text)
        if explain {
            for event in result.events {
                Console.error("\(event.line)  \(event.kind.rawValue)  '\(event.before)' → '\(event.after)'")
            }
        }
    }
}
