/// How Swift values are spelled in gnuplot's language: strings and numbers.
enum GnuplotSyntax {
    /// `text` as a gnuplot string expression that gnuplot reads back character for character and
    /// never interprets as a command.
    ///
    /// Text reaches a script from users' files (CSV headers, class labels, a data set's name), so
    /// it is written in **single** quotes: inside double quotes gnuplot runs back-quoted text as a
    /// shell command (`"a`cmd`b"` runs `cmd`) and expands backslash escapes; inside single quotes
    /// it does neither, and the only special character is the quote itself, written twice
    /// (`'it''s'`). A line break cannot be written inside single quotes, so each one becomes a
    /// concatenation with a double-quoted `"\n"` (`'first'."\n".'second'`), which gnuplot accepts
    /// wherever it takes a string. Other control characters are replaced by a space: a NUL would
    /// end gnuplot's line early. Enhanced-text markup (`^`, `_`, `{}`, `@`, `&`) is left alone on
    /// purpose, since that is how σ_k and 10^{-8} are written; it changes how text is drawn,
    /// never what gnuplot runs.
    static func quoted(_ text: String) -> String {
        var pieces: [String] = []
        var current = ""
        for character in text {
            switch character {
            case "\n", "\r\n", "\r":
                pieces.append(current)
                current = ""
            case "'":
                current += "''"
            default:
                let isControl = character.unicodeScalars.contains { scalar in
                    scalar.properties.generalCategory == .control && scalar != "\t"
                }
                if isControl { current += " " } else { current.append(character) }
            }
        }
        pieces.append(current)
        return pieces.map { "'\($0)'" }.joined(separator: ".\"\\n\".")
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
