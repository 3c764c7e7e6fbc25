import FuzzDriver
import LabImages

/// Fuzz target: the PNG decoder, through the signature dispatch of RasterImage(decoding:).
/// libFuzzer calls the closure with every input it tries; a trap is a crash it reports.
@_cdecl("fuzz_png_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv) { bytes in
        _ = try? RasterImage(decoding: bytes)
    }
}
