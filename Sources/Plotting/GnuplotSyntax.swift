/// How Swift values are spelled in gnuplot's language: strings and numbers.
enum GnuplotSyntax {
    /// `text` as a double-quoted gnuplot string.
    ///
    /// Double quotes (rather than single) so that a newline in a title can be written as `\n`
    /// and shown as a line break. Backslashes are doubled so that gnuplot reads back exactly
    /// the characters it was given; enhanced-text markup (`^`, `_`, `{}`) is left alone on
    /// purpose, since that is how σ_k and 10^{-8} are written.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n", "\r\n": result += "\\n"
            case "\r": result += "\\n"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result + "\""
    }

    /// `value` as gnuplot reads it back exactly, or `NaN` when it is not finite.
    ///
    /// Swift's `description` of a Double is the shortest decimal that converts back to the same
    /// Double (`0.1`, `1e-300`, `5e-324`), and gnuplot reads data with C's `strtod`, which is
    /// correctly rounded: so the value gnuplot draws is the value Swift computed. Infinities are
    /// written as `NaN` too, because an infinite point breaks gnuplot's automatic axis ranges.
    static func number(_ value: Double) -> String {
        value.isFinite ? value.description : "NaN"
    }
}
