import FuzzDriver
import GeometryLab
import HilbertLab
import LabSupport

/// Fuzz target: the option syntaxes `--matrix "a b; c d"`, `--ranks 1,5,20` and `--sizes 5,10`, and the one-line error text.
/// libFuzzer calls the closure with every input it tries; a trap is a crash it reports.
@_cdecl("fuzz_options_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv) { bytes in
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        if let matrix = try? MatrixOption.parse(text) { precondition(matrix.rows == 2 && matrix.columns == 2) }
        if let ranks = try? RankList.parse(text, limit: 50) { precondition(ranks.allSatisfy { (1...50).contains($0) }) }
        _ = try? Exercise4Study.Configuration.parseSizes(text)
        let line = ErrorLine.printable(text)
        precondition(!line.contains("\n") && !line.contains("\r"))
    }
}
