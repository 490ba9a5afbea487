import Foundation
import MergerSimCLI
import MergerSimInputs
import MergerSimReports

// Before any thread starts: an interrupt removes a run's temporary folder and leaves earlier output as it was.
Interrupts.install()
exit(MergerSimCommand.run(Array(CommandLine.arguments.dropFirst())))
