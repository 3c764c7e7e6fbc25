import Foundation

/// Number formatting for the exercises' reports.
public enum Format {
    /// `value` with `digits` significant digits in %g style ("0.924619", "4.76607e+05").
    ///
    /// - Parameters:
    ///   - value: the number.
    ///   - digits: the number of significant digits; 6 by default.
    /// - Returns: the text, as C's `printf` writes it.
    public static func significant<T: BinaryFloatingPoint>(_ value: T, _ digits: Int = 6) -> String {
        formatted(value, "%.\(digits)g")
    }

    /// `value` in scientific notation with `digits` digits after the point ("4.766073e+05").
    ///
    /// - Parameters:
    ///   - value: the number.
    ///   - digits: the number of digits after the point; 6 by default.
    /// - Returns: the text, as C's `printf` writes it.
    public static func scientific<T: BinaryFloatingPoint>(_ value: T, _ digits: Int = 6) -> String {
        formatted(value, "%.\(digits)e")
    }

    /// `value` with a fixed number of digits after the point ("12.34").
    ///
    /// - Parameters:
    ///   - value: the number.
    ///   - digits: the number of digits after the point; 2 by default.
    /// - Returns: the text, as C's `printf` writes it.
    public static func fixed<T: BinaryFloatingPoint>(_ value: T, _ digits: Int = 2) -> String {
        formatted(value, "%.\(digits)f")
    }

    /// `value` through the C format `conversion`, except that NaN and the infinities are written
    /// "NaN", "∞" and "-∞" whatever the conversion (C would write "nan" and "inf").
    private static func formatted<T: BinaryFloatingPoint>(_ value: T, _ conversion: String) -> String {
        let x = Double(value)
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "∞" : "-∞" }
        return String(format: conversion, x)
    }
}
