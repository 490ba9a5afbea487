import ArgumentParser
import GSL
import MergerSimInputs
import MergerSimReports

/// `mergersim`: the root command.
public struct MergerSimCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mergersim",
        abstract: "Simulate mergers of Vietnam's commune-level units and the reallocation of their staff.",
        discussion: """
            Exit codes: 0 success, 1 internal failure, 64 usage error, 65 bad input data \
            (the message names file:line:column), 66 input file missing or unreadable, \
            73 output cannot be written. On any failure no output is created or changed.
            """,
        version: MergerSimVersion.current,
        subcommands: [Screen.self, Simulate.self, Validate.self, Sweep.self, Sensitivity.self, Propose.self, Compare.self, StoreCommand.self, Package.self, RulesCommand.self, Serve.self])

    public init() {}

    /// Parses and runs `arguments` (without the program name), reporting to
    /// `console`; returns the exit code. `main.swift` and the tests both go through here.
    public static func run(_ arguments: [String], console: Console = .standard) -> Int32 {
        var language: Labels.Language?
        do {
            var command = try parseAsRoot(arguments)
            language = (command as? any ChoosesLanguage)?.messageLanguage
            if let consoleCommand = command as? any ConsoleCommand {
                try consoleCommand.execute(arguments: arguments, console: console)
            } else {
                try command.run()
            }
            return 0
        } catch {
            return report(error, console: console, language: language)
        }
    }

    /// Says what went wrong and returns the exit code: an ``InputError``'s own (64, 65, 66, 73);
    /// 1 for an ``InternalError`` or a GSL failure, with a request to report it; argument
    /// parsing's own for the command line.
    ///
    /// An input error is said in `language` (the command's `--lang`), else in the language the error
    /// carries (a scenario's `lang:`), else in English, at the same `file:line:column:`.
    public static func report(_ error: any Error, console: Console, language: Labels.Language? = nil) -> Int32 {
        switch error {
        case let inputError as InputError:
            let chosen = language ?? inputError.language ?? .en
            guard chosen != .en else {
                console.error("error: \(inputError)")
                return inputError.exitCode
            }
            do {
                let labels = try Labels(chosen)
                console.error(labels("error.prefix") + inputError.text(labels))
            } catch {
                // A broken install: the error in English, and what is broken.
                console.error("error: \(inputError)")
                console.error("error: \(error)")
            }
            return inputError.exitCode
        case let error as InternalError:
            console.error("error: \(error)")
            return 1
        case let error as GSLError:
            console.error("error: \(InternalError("GSL failed: \(error)"))")
            return 1
        default:
            let code = exitCode(for: error).rawValue
            let message = fullMessage(for: error)
            if code == 0 { console.out(message) } else if !message.isEmpty { console.error(message) }
            return code
        }
    }
}

/// A command that reports through a ``Console`` rather than printing.
protocol ConsoleCommand: ParsableCommand {
    func execute(arguments: [String], console: Console) throws
}

extension ConsoleCommand {
    public func run() throws {
        try execute(arguments: Array(CommandLine.arguments.dropFirst()), console: .standard)
    }
}
