#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Musl)
@preconcurrency import Musl
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Whether the C stream behind `print` has recorded a failed write. (`stdout` is a C global that
/// Swift 6 sees as shared mutable state; it is only read here, after the program's output.)
func standardOutputHasError() -> Bool {
    ferror(stdout) != 0
}
