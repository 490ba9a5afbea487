import MergerSimInputs

extension OutputReason {
    /// The placeholders' values as `labels`' language writes them: counts grouped, a sheet by its name in the
    /// language, the step of a move and the scenario's name option in words, the cause of a composed sentence
    /// rendered in the language; paths, file names and the system's own words as they are.
    func values(in labels: Labels) -> [String: String] {
        var values = parts.values
        switch self {
        case let .rootFolder(option), let .currentFolder(option, _):
            if option == OutputFolder.scenarioNameOption { values["option"] = labels("error_value.output.scenario_name") }
        case let .notMovedIntoPlace(step, _):
            let name = switch step {
            case .rename: "rename"
            case .exchange: "exchange"
            case .renameOldFolder: "rename_old_folder"
            }
            values["step"] = labels("error_value.output.move_step." + name)
        case let .unusableFolderName(problem):
            var named = problem.parts.values
            if case let .tooLong(bytes, maxBytes) = problem {
                named = ["bytes": labels.number(Double(bytes)), "max": labels.number(Double(maxBytes))]
            }
            values["problem"] = labels("error_value.output_name." + problem.parts.key, named)
        case let .sheetTooLong(key, _, rows, maxRows):
            values["sheet"] = labels("sheet.\(key)")
            values["rows"] = labels.number(Double(rows))
            values["max"] = labels.number(Double(maxRows))
        case let .notStoredNothingWritten(cause?, _, _), let .storedFolderNotWritten(cause?, _, _, _):
            values["cause"] = cause.text(labels)
        default: break
        }
        return values
    }
}
