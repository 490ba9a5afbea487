// The fuzz target over mergersim's readers (`make fuzz`), and, built without
// the fuzzer, a replay tool: `swift run fuzz-readers FILE…` runs each input
// once and says what the readers made of it.
import Foundation
import ReaderFuzzing

#if FUZZING
/// libFuzzer's driver (linked by `-sanitize=fuzzer`): parses libFuzzer's flags and calls back per input.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// One input (libFuzzer's entry point; its own `main` refers to it).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ReaderHarness.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@main
struct Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
    }
}
#else
@main
struct Replay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            print("\(path): \(ReaderHarness.run(bytes))")
        }
    }
}
#endif
