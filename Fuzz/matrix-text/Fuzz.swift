import FuzzDriver
import SVDCore

/// Fuzz target: the matrix text format of `svd` (MatrixTextFormat).
/// libFuzzer calls the closure with every input it tries; a trap is a crash it reports.
@_cdecl("fuzz_matrix_text_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv) { bytes in
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        guard let matrix = try? MatrixTextFormat.parse(text, as: Double.self) else { return }
        // A parsed matrix is non-empty and finite.
        precondition(matrix.rows >= 1 && matrix.columns >= 1 && matrix.firstNonFiniteEntry == nil)
    }
}
