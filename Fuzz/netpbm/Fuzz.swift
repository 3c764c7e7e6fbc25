import FuzzDriver
import LabImages

/// Fuzz target: the PGM/PPM decoder.
/// libFuzzer calls the closure with every input it tries; a trap is a crash it reports.
@_cdecl("fuzz_netpbm_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv) { bytes in
        _ = try? Netpbm.decode(bytes)
    }
}
