import FuzzDriver
import PrincipalComponents

/// Fuzz target: exercise 1's CSV tables (CSVTableReader), with and without a class column.
/// libFuzzer calls the closure with every input it tries; a trap is a crash it reports.
@_cdecl("fuzz_csv_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv) { bytes in
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        _ = try? CSVTableReader.read(text, source: "fuzz")
        _ = try? CSVTableReader.read(text, source: "fuzz", labelColumn: "species")
    }
}
