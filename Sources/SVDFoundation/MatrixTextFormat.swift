/// Reading a matrix written as text: one row per line, numbers separated by commas and/or
/// white space, `#` starting a comment, blank lines ignored. Lines may end in `\n`, `\r\n`
/// (Windows, spreadsheets) or `\r` (old Macintosh). A comma needs a number on each side: an
/// empty field such as `1,,3` is refused, not skipped, since it usually marks a missing value.
///
/// ```text
/// # a 3×2 example
/// 1, 2
/// 3  4
/// 5, 6   # trailing comments are fine
/// ```
///
/// Every failure names the line it happened on, so a user can find it in the file.
public enum MatrixTextFormat {
    /// Why a text could not be read as a matrix.
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        /// No numbers at all.
        case empty
        /// A field that is not a number, on a 1-based line.
        case notANumber(line: Int, field: String)
        /// A NaN or infinite entry, on a 1-based line.
        case nonFinite(line: Int, field: String)
        /// A row whose length differs from the first row's.
        case ragged(line: Int, expected: Int, found: Int)
        /// Nothing between two commas, or before the first or after the last, on a 1-based line.
        case emptyField(line: Int)

        /// One line for a person, with the 1-based line of the input.
        public var description: String {
            switch self {
            case .empty:
                return "no matrix entries found (the input is empty or only comments)"
            case let .notANumber(line, field):
                return "line \(line): '\(field)' is not a number"
            case let .nonFinite(line, field):
                return "line \(line): '\(field)' is not a finite number (NaN and infinity are not allowed)"
            case let .ragged(line, expected, found):
                return "line \(line): \(found) \(found == 1 ? "entry" : "entries"), but the first row has \(expected)"
            case let .emptyField(line):
                return "line \(line): an empty field between commas (a missing value?); write every entry"
            }
        }
    }

    /// Parses `text` into a matrix.
    ///
    /// - Parameters:
    ///   - text: the matrix in the text format described above, one row a line.
    ///   - type: the scalar type of the entries.
    /// - Returns: the matrix, with as many rows as `text` has rows of entries.
    /// - Throws: a ``ParseError`` naming the first problem and its 1-based line.
    /// - Complexity: O(length of `text`).
    public static func parse<Scalar: SVDScalar>(_ text: String, as type: Scalar.Type = Scalar.self) throws(ParseError) -> Matrix<Scalar> {
        var rows: [[Scalar]] = []
        var lineNumber = 0
        // Swift reads "\r\n" as one Character, a newline like "\n" and "\r".
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let content = rawLine.prefix { $0 != "#" }
            let pieces = content.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.split(whereSeparator: \.isWhitespace) }
            let fields = pieces.flatMap { $0 }
            if fields.isEmpty && pieces.count == 1 { continue }
            if pieces.contains(where: \.isEmpty) { throw .emptyField(line: lineNumber) }
            var row: [Scalar] = []
            row.reserveCapacity(fields.count)
            for field in fields {
                // Parse through Double: Float80's and Float's own parsers are not available on every
                // platform; every decimal input of interest is read as the nearest Double first.
                // For Float80 that loses the extra digits of a decimal with more than 17 of them.
                guard let value = Double(field) else { throw .notANumber(line: lineNumber, field: String(field)) }
                guard value.isFinite else { throw .nonFinite(line: lineNumber, field: String(field)) }
                row.append(Scalar(value))
            }
            if let first = rows.first, first.count != row.count {
                throw .ragged(line: lineNumber, expected: first.count, found: row.count)
            }
            rows.append(row)
        }
        guard !rows.isEmpty else { throw .empty }
        // Non-empty and rectangular by construction.
        return Matrix(rows: rows.count, columns: rows[0].count) { i, j in rows[i][j] }
    }
}
