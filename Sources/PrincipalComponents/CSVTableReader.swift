import SVDCore

/// Reads comma-separated values with a header row into a ``DataTable``.
///
/// The format (RFC 4180, leniently):
/// - the first non-blank line is the header: one name per column;
/// - fields are separated by commas; spaces around a field are ignored; blank lines are skipped;
///   line endings may be `\n` or `\r\n`; a UTF-8 byte-order mark is ignored;
/// - a field may be quoted, `"like this"`, and then may hold commas, line breaks and doubled
///   quotes (`""` stands for `"`);
/// - every column is a numeric variable, except the one named as the class column, whose
///   entries may be any text.
///
/// Numbers are read by Swift's `Double(_:)` (decimal or scientific notation). NaN, infinities and
/// numbers beyond the range of a Double are refused: a PCA of data with a NaN is NaN everywhere.
public enum CSVTableReader {
    /// The table in `text`.
    ///
    /// - Parameters:
    ///   - source: how to name the data in reports.
    ///   - labelColumn: the class column, or `nil` when every column is numeric.
    ///   - minimumRows: the fewest data rows accepted.
    /// - Throws: ``CSVError`` naming the line and column of the first problem.
    public static func read(_ text: String, source: String, labelColumn: String? = nil,
                            minimumRows: Int = 2) throws(CSVError) -> DataTable {
        let records = try CSVRecords.split(text)
        guard let header = records.first else { throw .empty }
        let names = header.fields
        for (position, name) in names.enumerated() where name.isEmpty {
            throw .emptyColumnName(line: header.line, position: position + 1)
        }
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw .duplicateColumnName(line: header.line, name: name)
        }
        var labelIndex: Int?
        if let labelColumn {
            guard let index = names.firstIndex(of: labelColumn) else {
                throw .unknownLabelColumn(name: labelColumn, available: names)
            }
            labelIndex = index
        }
        let variableIndices = names.indices.filter { $0 != labelIndex }
        guard !variableIndices.isEmpty else { throw .noNumericColumns }

        let body = records.dropFirst()
        guard body.count >= minimumRows else { throw .tooFewRows(found: body.count, needed: minimumRows) }
        var rows: [[Double]] = []
        var labels: [String] = []
        rows.reserveCapacity(body.count)
        for record in body {
            guard record.fields.count == names.count else {
                throw .raggedRow(line: record.line, expected: names.count, found: record.fields.count)
            }
            var row: [Double] = []
            row.reserveCapacity(variableIndices.count)
            for j in variableIndices {
                row.append(try number(record.fields[j], line: record.line, column: names[j]))
            }
            rows.append(row)
            if let labelIndex { labels.append(record.fields[labelIndex]) }
        }
        let values = Matrix<Double>(rows: rows.count, columns: variableIndices.count) { i, j in rows[i][j] }
        return DataTable(source: source, variableNames: variableIndices.map { names[$0] }, values: values,
                         labelName: labelColumn, labels: labelIndex == nil ? nil : labels)
    }

    /// The finite number in `field`.
    private static func number(_ field: String, line: Int, column: String) throws(CSVError) -> Double {
        guard !field.isEmpty else { throw .missingValue(line: line, column: column) }
        guard let value = Double(field) else { throw .notANumber(line: line, column: column, text: field) }
        guard value.isFinite else { throw .nonFiniteValue(line: line, column: column, text: field) }
        return value
    }
}

/// The records of a CSV text: fields split at commas and line breaks outside quotes, each
/// record with the line on which it starts.
enum CSVRecords {
    struct Record: Equatable {
        /// 1-based line number of the record's first character.
        var line: Int
        /// The fields, unquoted and with surrounding spaces removed.
        var fields: [String]
    }

    /// Splits `text` into records, skipping blank lines.
    ///
    /// A small state machine over Unicode scalars (not `Character`s, because Swift treats
    /// `\r\n` as one character, which would make line endings harder, not easier, to follow).
    static func split(_ text: String) throws(CSVError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var fieldWasQuoted = false
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }

        func finishField() {
            var value = String(field)
            // Spaces inside quotes belong to the value; outside they are layout.
            if !fieldWasQuoted { value = value.trimmingSpaces() }
            fields.append(value)
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
        }
        func finishRecord() {
            finishField()
            let blank = fields.count == 1 && fields[0].isEmpty
            if !blank { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }

        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            scalars.formIndex(after: &index)
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.endIndex && scalars[index] == "\"" {
                        field.append("\"")
                        scalars.formIndex(after: &index)
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where String(field).trimmingSpaces().isEmpty && !fieldWasQuoted:
                // An opening quote: what came before it on this field was only spaces.
                field = String.UnicodeScalarView()
                fieldWasQuoted = true
                inQuotes = true
                quoteLine = line
            case ",":
                finishField()
            case "\r" where index < scalars.endIndex && scalars[index] == "\n":
                break  // the "\n" that follows ends the line
            case "\n", "\r":
                finishRecord()
                line += 1
                recordLine = line
            default:
                // After a closing quote, stray text is kept: lenient, as spreadsheets are.
                if fieldWasQuoted && (scalar == " " || scalar == "\t") { continue }
                field.append(scalar)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: quoteLine) }
        finishRecord()
        return records
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[first...last])
    }
}
