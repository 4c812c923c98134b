import ArgumentParser

/// The `nianbao` command: a thin front end over the library modules.
@main
struct Nianbao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "Clean the damaged text of 政府信息公开工作年度报告 and read their tables.",
        discussion: """
            Exit codes: 0 success; 1 some inputs failed (each named on stderr); 2 usage error; \
            65 input not usable (binary, invalid UTF-8, unknown encoding); 66 input file missing or unreadable.
            """,
        version: "0.1.0",
        subcommands: [ParseCommand.self, NormalizeCommand.self, AlignCommand.self, ExtractCommand.self, ScoreCommand.self, NoiseCommand.self, BaselineCommand.self, BenchCommand.self, TemplatesCommand.self]
    )
}
