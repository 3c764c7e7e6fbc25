/// Reads a CSV file of (x, y) pairs for a polynomial fit y = B0 + B1·x + … + Bd·x^d + e.
///
/// Format: two comma-separated columns, x then y, one observation per line. A first line that
/// is not two numbers is a header and names the columns. Blank lines and lines starting with
/// `#` are skipped. Fields are plain decimal numbers (`-1.5`, `2.5e-3`); `nan`, `inf`, quotes
/// and empty fields are refused with the line and field that hold them.
public enum PolynomialCSV {
    /// The largest degree accepted. Beyond 10 even the best solver in `Double` has few digits
    /// left (Filip, degree 10, is the hardest of NIST's sets), so larger degrees are refused
    /// rather than answered with noise.
    public static let maximumDegree = 10

    /// Parses CSV text; `file` names it in error messages.
    public static func parse(_ text: String, file: String, degree: Int) throws(DataFileError) -> RegressionData {
        precondition((0...maximumDegree).contains(degree), "degree out of range, checked by the caller")
        let lines = textLines(text)
        let isContent = { (line: Substring) in
            let t = line.trimmingWhitespace()
            return !t.isEmpty && !t.hasPrefix("#")
        }
        guard let first = lines.firstIndex(where: isContent) else { throw .noData(file: file) }
        let firstFields = lines[first].split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        guard firstFields.count == 2 else {
            throw .raggedRow(file: file, line: first + 1, expected: 2, found: firstFields.count)
        }
        let hasHeader = !firstFields.allSatisfy { DecimalNumeral.double($0) != nil }
        let names = hasHeader ? firstFields.map(String.init) : ["x", "y"]
        guard names[0] != names[1], names.allSatisfy({ !$0.isEmpty }) else {
            throw .unsupportedModel(file: file, reason: "the header must name two different columns, got '\(lines[first])'")
        }

        var table = StRDParser.Table(numerals: [[], []], values: [[], []])
        for index in (hasHeader ? first + 1 : first)..<lines.count where isContent(lines[index]) {
            let parts = lines[index].split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard parts.count == 2 else { throw .raggedRow(file: file, line: index + 1, expected: 2, found: parts.count) }
            for (k, part) in parts.enumerated() {
                guard let value = DecimalNumeral.double(part) else {
                    throw .notANumber(file: file, line: index + 1, field: k + 1, text: String(part))
                }
                table.numerals[k].append(String(part))
                table.values[k].append(value)
            }
        }
        guard table.rowCount > 0 else { throw .noData(file: file) }
        let model = LinearModel.polynomial(degree: degree, predictor: names[0], response: names[1])
        guard table.rowCount >= model.parameterCount else {
            throw .tooFewObservations(file: file, observations: table.rowCount, parameters: model.parameterCount)
        }
        let x = DataColumn(name: names[0], numerals: table.numerals[0], values: table.values[0])
        let y = DataColumn(name: names[1], numerals: table.numerals[1], values: table.values[1])
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return RegressionData(name: name, model: model, response: y, predictors: [x], certified: nil)
    }

    /// Reads and parses a CSV file.
    public static func load(path: String, degree: Int) throws(DataFileError) -> RegressionData {
        try parse(try readDataFile(path), file: path, degree: degree)
    }
}
