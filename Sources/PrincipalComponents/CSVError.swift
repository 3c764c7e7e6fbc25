/// Why a CSV file could not be read as a data table. Every message names the line of the file
/// (1-based, the header being line 1 unless blank lines precede it) so it can be found and fixed.
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing but blank lines.
    case empty
    /// A quoted field is still open at the end of the file.
    case unterminatedQuote(line: Int)
    /// A header cell is empty.
    case emptyColumnName(line: Int, position: Int)
    /// Two header cells have the same name.
    case duplicateColumnName(line: Int, name: String)
    /// `--label` named a column the header does not have.
    case unknownLabelColumn(name: String, available: [String])
    /// Only a class column, no variables.
    case noNumericColumns
    /// A row has a different number of fields than the header.
    case raggedRow(line: Int, expected: Int, found: Int)
    /// An empty field in a numeric column.
    case missingValue(line: Int, column: String)
    /// Text that is not a number in a numeric column.
    case notANumber(line: Int, column: String, text: String)
    /// NaN, an infinity, or a number too large for a Double.
    case nonFiniteValue(line: Int, column: String, text: String)
    /// Fewer data rows than the analysis needs.
    case tooFewRows(found: Int, needed: Int)

    public var description: String {
        switch self {
        case .empty:
            return "the file is empty (a header row and at least two data rows are needed)"
        case let .unterminatedQuote(line):
            return "line \(line): a quoted field is not closed before the end of the file"
        case let .emptyColumnName(line, position):
            return "line \(line): column \(position) of the header has no name"
        case let .duplicateColumnName(line, name):
            return "line \(line): the header names column '\(name)' twice"
        case let .unknownLabelColumn(name, available):
            return "there is no column '\(name)' for --label; the columns are "
                + available.map { "'\($0)'" }.joined(separator: ", ")
        case .noNumericColumns:
            return "there are no numeric columns to analyse, only the class column"
        case let .raggedRow(line, expected, found):
            return "line \(line): \(found) field\(found == 1 ? "" : "s") where the header has \(expected)"
        case let .missingValue(line, column):
            return "line \(line), column '\(column)': the value is missing"
        case let .notANumber(line, column, text):
            return "line \(line), column '\(column)': '\(text)' is not a number "
                + "(name a text column with --label COLUMN)"
        case let .nonFiniteValue(line, column, text):
            return "line \(line), column '\(column)': '\(text)' is not a finite number (NaN and infinities are refused)"
        case let .tooFewRows(found, needed):
            return "\(found) data row\(found == 1 ? "" : "s") below the header; at least \(needed) are needed"
        }
    }
}
