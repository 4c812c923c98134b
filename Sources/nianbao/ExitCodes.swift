import ArgumentParser

/// The exit codes of every subcommand (documented in the README and in `nianbao --help`).
enum NianbaoExit {
    /// Some inputs of a batch failed; the others were processed.
    static let someFailed = ExitCode(1)
    /// The input is not usable text: binary, invalid UTF-8, unknown encoding (sysexits EX_DATAERR).
    static let dataError = ExitCode(65)
    /// An input file is missing, a directory or unreadable (sysexits EX_NOINPUT).
    static let noInput = ExitCode(66)
}
