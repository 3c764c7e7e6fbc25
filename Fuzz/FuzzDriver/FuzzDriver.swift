/// The bridge between libFuzzer and a Swift fuzz target.
///
/// SwiftPM links an executable target with its entry point renamed to `<module>_main`, so a fuzz
/// target defines that function (`@_cdecl`) and hands libFuzzer's driver the code to run on each
/// input here. Any trap in that code (an index out of range, an overflow, a failed allocation)
/// is a crash libFuzzer reports and saves; a thrown error is a clean refusal.
public enum FuzzDriver {
    nonisolated(unsafe) private static var body: ([UInt8]) -> Void = { _ in }

    /// Runs libFuzzer with the command-line arguments, calling `body` on every input.
    public static func run(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                           body: @escaping ([UInt8]) -> Void) -> CInt {
        self.body = body
        var count = argc
        var arguments = argv
        return runDriver(&count, &arguments, fuzzOneInput)
    }

    /// Runs the target's code on one input.
    static func test(_ data: UnsafeRawPointer?, _ size: Int) {
        body(size == 0 ? [] : Array(UnsafeRawBufferPointer(start: data, count: size)))
    }
}

/// The function libFuzzer's driver expects by this name (its own code refers to it).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    FuzzDriver.test(data, size)
    return 0
}

/// `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t))`.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<CInt>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                       _ callback: @convention(c) (UnsafeRawPointer?, Int) -> CInt) -> CInt
