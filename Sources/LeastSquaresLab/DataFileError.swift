import Foundation
import LabSupport

/// Why a data file could not be used. Each case reads as one line naming the file and, where
/// there is one, the line.
public enum DataFileError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The file does not exist, is a directory, or cannot be read as text.
    case unreadable(file: String, reason: String)
    /// An StRD file lacks a section it must have (`what` names it).
    case missingSection(file: String, what: String)
    /// The model line cannot be understood.
    case unsupportedModel(file: String, reason: String)
    /// A row has a different number of fields than the header or the first row.
    case raggedRow(file: String, line: Int, expected: Int, found: Int)
    /// A field that must be a number is not a finite decimal number.
    case notANumber(file: String, line: Int, field: Int, text: String)
    /// Fewer observations than parameters: the fit is not determined.
    case tooFewObservations(file: String, observations: Int, parameters: Int)
    /// No data rows at all.
    case noData(file: String)
    /// The header row of a CSV file cannot name the columns (`reason` says why).
    case badHeader(file: String, line: Int, reason: String)
    /// The response the user asked for is not a column of the file.
    case unknownResponse(file: String, response: String, columns: [String])
    /// A cell of a named column is not a finite decimal number.
    case notANumberInColumn(file: String, line: Int, column: String, text: String)
    /// A column holds no number at all (text such as names or dates).
    case nonNumericColumn(file: String, column: String, line: Int, text: String)
    /// The table is larger than the solver accepts (`reason` names the limit).
    case tooLarge(file: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "cannot read '\(file)': \(reason)"
        case let .missingSection(file, what):
            return "\(file): not a NIST StRD linear least-squares file: \(what)"
        case let .unsupportedModel(file, reason):
            return "\(file): cannot use the model: \(reason)"
        case let .raggedRow(file, line, expected, found):
            return "\(file), line \(line): \(found) fields, expected \(expected) like the lines before"
        case let .notANumber(file, line, field, text):
            return "\(file), line \(line), field \(field): '\(text)' is not a finite decimal number"
        case let .tooFewObservations(file, observations, parameters):
            return "\(file): \(observations) observation\(observations == 1 ? "" : "s") cannot determine "
                + "\(parameters) parameters (need at least \(parameters))"
        case let .noData(file):
            return "\(file): no data rows"
        case let .badHeader(file, line, reason):
            return "\(file), line \(line): \(reason)"
        case let .unknownResponse(file, response, columns):
            let shown = columns.count <= 12 ? columns.joined(separator: ", ")
                : columns.prefix(12).joined(separator: ", ") + ", … (\(columns.count) in all)"
            return "\(file): no column '\(response)' for --response; the columns are \(shown), "
                + "or give a column number 1…\(columns.count)"
        case let .notANumberInColumn(file, line, column, text):
            return "\(file), line \(line), column '\(column)': '\(text)' is not a finite decimal number"
        case let .nonNumericColumn(file, column, line, text):
            return "\(file): column '\(column)' is not numeric (line \(line): '\(text)'); every column but the "
                + "response is a predictor, so remove it from the file"
        case let .tooLarge(file, reason):
            return "\(file): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}

/// Reads a text file, reporting problems as ``DataFileError/unreadable(file:reason:)``.
func readDataFile(_ path: String) throws(DataFileError) -> String {
    try readTextFile(path) { DataFileError.unreadable(file: path, reason: $0) }
}

/// The lines of a text, with Windows (CRLF) and old Mac (CR) line ends accepted.
func textLines(_ text: String) -> [Substring] {
    // A String treats "\r\n" as one Character, so splitting on Character.isNewline handles all three.
    text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
}

/// The whitespace-separated fields of a line.
func fields(_ line: Substring) -> [Substring] {
    line.split(whereSeparator: { $0 == " " || $0 == "\t" })
}
