/// Reads a CSV file of several columns for a linear fit y = B0 + B1·x₁ + … + Bₚ·xₚ + e: one
/// column is the response y, every other column a predictor.
///
/// Format:
/// - the first line that is not blank and does not start with `#` is the header: one name per
///   column, separated by commas; names must be non-empty and different. A field wholly in
///   double quotes is read without them (`"growth"`), but a comma inside quotes is not supported;
///   a UTF-8 byte-order mark before the header is ignored;
/// - every later line (blank and `#` lines skipped) is one observation with one plain decimal
///   number per column (`-1.5`, `2.5e-3`);
/// - the response is chosen by name, or by its 1-based column number when no column has that
///   name;
/// - every other column is a predictor, in the order of the file. A column that is not numeric
///   (names, dates) is refused with its name rather than skipped: a silently dropped predictor
///   changes the model.
///
/// `nan`, `inf`, numbers beyond `Double`'s range, empty cells and rows with a different number
/// of fields are refused with the line and the column's name. Fewer observations than
/// parameters are accepted: the fit is then not unique, and the solver gives the minimum-norm
/// least-squares solution (and says so).
public enum RegressionCSV {
    /// The most parameters accepted: more predictors than this is not a regression one reads a
    /// report of, and the SVD's cost grows as m·n².
    public static let maximumParameters = 100
    /// The most numbers read (rows × columns), so that memory stays bounded (each number is kept
    /// as its numeral and in two arithmetics).
    public static let maximumCells = 1_000_000

    /// Parses CSV text; `file` names it in error messages.
    ///
    /// - Parameters:
    ///   - response: the response column's name, or its 1-based number.
    ///   - intercept: whether the model has the constant term B0.
    public static func parse(_ text: String, file: String, response: String,
                             intercept: Bool = true) throws(DataFileError) -> RegressionData {
        // A UTF-8 byte-order mark (spreadsheets write one) is not part of the first name.
        let lines = textLines(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        let isContent = { (line: Substring) in
            let t = line.trimmingWhitespace()
            return !t.isEmpty && !t.hasPrefix("#")
        }
        guard let headerIndex = lines.firstIndex(where: isContent) else { throw .noData(file: file) }
        let names = split(lines[headerIndex]).map(String.init)
        try checkHeader(names, file: file, line: headerIndex + 1)
        let responseIndex = try column(of: response, in: names, file: file)
        let predictorIndices = names.indices.filter { $0 != responseIndex }
        let parameterCount = predictorIndices.count + (intercept ? 1 : 0)
        guard parameterCount > 0 else {
            throw .unsupportedModel(file: file, reason: "the only column is the response, and --no-intercept leaves no parameter to fit")
        }
        guard parameterCount <= maximumParameters else {
            throw .tooLarge(file: file, reason: "\(parameterCount) parameters; at most \(maximumParameters) are fitted")
        }

        var numerals: [[Substring]] = Array(repeating: [], count: names.count)
        var lineNumbers: [Int] = []
        for index in (headerIndex + 1)..<lines.count where isContent(lines[index]) {
            let parts = split(lines[index])
            guard parts.count == names.count else {
                throw .raggedRow(file: file, line: index + 1, expected: names.count, found: parts.count)
            }
            guard (lineNumbers.count + 1) * names.count <= maximumCells else {
                throw .tooLarge(file: file, reason: "more than \(maximumCells) numbers; at most that many are read")
            }
            for (k, part) in parts.enumerated() { numerals[k].append(part) }
            lineNumbers.append(index + 1)
        }
        guard !lineNumbers.isEmpty else { throw .noData(file: file) }

        var columns: [DataColumn] = []
        for (k, name) in names.enumerated() {
            var values: [Double] = []
            values.reserveCapacity(lineNumbers.count)
            for (i, numeral) in numerals[k].enumerated() {
                guard let value = DecimalNumeral.double(numeral) else {
                    let anyNumber = numerals[k].contains { DecimalNumeral.double($0) != nil }
                    if !anyNumber && !isMissingOrSpecial(numeral) {
                        throw .nonNumericColumn(file: file, column: name, line: lineNumbers[i], text: String(numeral.prefix(40)))
                    }
                    throw .notANumberInColumn(file: file, line: lineNumbers[i], column: name, text: String(numeral.prefix(40)))
                }
                values.append(value)
            }
            columns.append(DataColumn(name: name, numerals: numerals[k].map(String.init), values: values))
        }
        let model = LinearModel.linear(predictors: predictorIndices.map { names[$0] }, response: names[responseIndex],
                                       intercept: intercept)
        let fileName = file.split(separator: "/").last.map(String.init) ?? file
        return RegressionData(name: fileName, model: model, response: columns[responseIndex],
                              predictors: predictorIndices.map { columns[$0] }, certified: nil)
    }

    /// Reads and parses a CSV file (at most 64 MiB: the bounded reader of every data file).
    public static func load(path: String, response: String, intercept: Bool = true) throws(DataFileError) -> RegressionData {
        try parse(try readDataFile(path), file: path, response: response, intercept: intercept)
    }

    /// The fields of a line, split at commas, without surrounding spaces, and without the double
    /// quotes around a whole field (spreadsheets and R's `write.csv` quote names).
    private static func split(_ line: Substring) -> [Substring] {
        line.split(separator: ",", omittingEmptySubsequences: false).map { field in
            let t = field.trimmingWhitespace()
            return t.count >= 2 && t.first == "\"" && t.last == "\"" ? t.dropFirst().dropLast().trimmingWhitespace() : t
        }
    }

    /// Names must be non-empty, unique and not numbers (a first row of numbers is data, not a header).
    private static func checkHeader(_ names: [String], file: String, line: Int) throws(DataFileError) {
        if let empty = names.firstIndex(where: \.isEmpty) {
            throw .badHeader(file: file, line: line, reason: "column \(empty + 1) has no name (the first line must name every column)")
        }
        if names.allSatisfy({ DecimalNumeral.double($0[...]) != nil }) {
            throw .badHeader(file: file, line: line, reason: "the first line holds numbers; --response needs a header row naming the columns")
        }
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw .badHeader(file: file, line: line, reason: "two columns are named '\(name.prefix(40))'; names must differ")
        }
    }

    /// The index of the response: a column of that name, else a 1-based column number.
    private static func column(of response: String, in names: [String], file: String) throws(DataFileError) -> Int {
        if let index = names.firstIndex(of: response) { return index }
        if let number = Int(response), (1...names.count).contains(number) { return number - 1 }
        throw .unknownResponse(file: file, response: String(response.prefix(40)), columns: names.map { String($0.prefix(40)) })
    }

    /// An empty cell, or a spelling of NaN or infinity: a bad value in a numeric column, not text.
    private static func isMissingOrSpecial(_ numeral: Substring) -> Bool {
        let lower = numeral.lowercased()
        return lower.isEmpty || ["nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity", "na", "null"]
            .contains(lower) || numeral.allSatisfy { "+-.0123456789eE".contains($0) }
    }
}
