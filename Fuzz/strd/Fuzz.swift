import FuzzDriver
import LeastSquaresLab

/// Fuzz target: NIST StRD files (StRDParser) and exercise 3's CSV files: x,y pairs (PolynomialCSV)
/// and columns with a header (RegressionCSV).
/// libFuzzer calls the closure with every input it tries; a trap is a crash it reports.
@_cdecl("fuzz_strd_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv) { bytes in
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        _ = try? StRDParser.parse(text, file: "fuzz.dat")
        _ = try? PolynomialCSV.parse(text, file: "fuzz.csv", degree: Int(bytes.first ?? 0) % 11)
        _ = try? RegressionCSV.parse(text, file: "fuzz.csv", response: String((bytes.last ?? 0) % 4),
                                     intercept: bytes.count % 2 == 0)
    }
}
