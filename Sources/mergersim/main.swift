import Foundation
import MergerSimCLI

exit(MergerSimCommand.run(Array(CommandLine.arguments.dropFirst())))
