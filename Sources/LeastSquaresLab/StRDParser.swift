/// Reads a NIST StRD linear least-squares file: the model, the certified values and the data.
///
/// The files are fixed text with CRLF line ends. What is read, and how:
/// - **Name**: the `Dataset Name:` line ("Longley").
/// - **Model**: the first line with `=` after `Model:`, e.g. `y = B0 + B1*x + B2*(x**2) + e`.
///   Terms are separated by `+`; a term is a parameter alone (`B0`, the intercept), a parameter
///   times a predictor (`B1*x`, `B3*x3`) or times a power of one (`B2*(x**2)`); `e` is the error
///   term; `...` stands for the powers between its neighbours (Filip writes
///   `B2*(x**2) + ... + B9*(x**9)`).
/// - **Certified values**: after `Certified Regression Statistics`, one line `Bk estimate sd`
///   per parameter, then `Residual` / `Standard Deviation value`. The parameter names must be
///   those of the model, in the same order.
/// - **Data**: the last line starting with `Data:` names the columns (`y x`, `y x1 … x6`); every
///   non-blank line after it is one observation with one number per column.
///
/// Anything else in the header (the analysis of variance table, R², the line numbers quoted in
/// the header, which are wrong in places, e.g. Longley's "7 Parameters (B0,B1,...,B7)") is not
/// relied upon.
public enum StRDParser {
    /// Parses the text of an StRD file; `file` names it in error messages.
    public static func parse(_ text: String, file: String) throws(DataFileError) -> RegressionData {
        let lines = textLines(text)
        let trimmed = lines.map { $0.trimmingWhitespace() }

        let name = trimmed.first { $0.hasPrefix("Dataset Name:") }
            .flatMap { fields($0.dropFirst("Dataset Name:".count)).first.map(String.init) }
            ?? baseName(file)

        // The data header: the last "Data:" line (the first one, in the header, describes the data).
        guard let headerIndex = trimmed.lastIndex(where: { $0.hasPrefix("Data:") }),
              case let columnNames = fields(trimmed[headerIndex].dropFirst("Data:".count)).map(String.init),
              columnNames.count >= 2, columnNames.allSatisfy({ $0.first?.isLetter == true })
        else { throw .missingSection(file: file, what: "no 'Data:' line naming the columns (e.g. 'Data:  y  x')") }

        guard let modelIndex = trimmed.firstIndex(where: { $0.hasPrefix("Model:") }),
              let equationIndex = trimmed[modelIndex...].firstIndex(where: { $0.contains("=") })
        else { throw .missingSection(file: file, what: "no 'Model:' section with an equation 'y = …'") }

        let certified = try certifiedValues(trimmed, file: file)
        let model = try model(from: trimmed[equationIndex], columns: columnNames, file: file)
        guard model.parameterNames == certified.names else {
            throw .unsupportedModel(file: file, reason: "the model has parameters \(model.parameterNames.joined(separator: ", ")) "
                                    + "but the certified values are for \(certified.names.joined(separator: ", "))")
        }

        let table = try readTable(lines: lines, from: headerIndex + 1, columns: columnNames.count, file: file)
        guard table.rowCount > 0 else { throw .noData(file: file) }
        guard table.rowCount >= model.parameterCount else {
            throw .tooFewObservations(file: file, observations: table.rowCount, parameters: model.parameterCount)
        }
        let column = { (k: Int) in DataColumn(name: columnNames[k], numerals: table.numerals[k], values: table.values[k]) }
        let responseIndex = columnNames.firstIndex(of: model.responseName)!
        let predictorIndices = model.predictorNames.map { columnNames.firstIndex(of: $0)! }
        return RegressionData(name: name, model: model, response: column(responseIndex),
                              predictors: predictorIndices.map(column),
                              certified: CertifiedValues(coefficients: certified.values,
                                                         standardDeviations: certified.deviations,
                                                         residualStandardDeviation: certified.residualSD,
                                                         significantDigits: certified.digits))
    }

    /// Reads and parses an StRD file.
    public static func load(path: String) throws(DataFileError) -> RegressionData {
        try parse(try readDataFile(path), file: path)
    }

    // MARK: - Certified values

    private struct Certified {
        var names: [String] = []
        var values: [Double] = []
        var deviations: [Double] = []
        var digits: [Int] = []
        var residualSD = Double.nan
    }

    private static func certifiedValues(_ lines: [Substring], file: String) throws(DataFileError) -> Certified {
        guard let start = lines.firstIndex(where: { $0.contains("Certified Regression Statistics") }) else {
            throw .missingSection(file: file, what: "no 'Certified Regression Statistics' section")
        }
        var result = Certified()
        var index = start + 1
        while index < lines.count, !lines[index].hasPrefix("Residual") {
            let parts = fields(lines[index])
            if parts.count == 3, isParameterName(parts[0]) {
                guard let value = DecimalNumeral.double(parts[1]), let deviation = DecimalNumeral.double(parts[2]) else {
                    throw .notANumber(file: file, line: index + 1, field: 2, text: String(parts[1]))
                }
                result.names.append(String(parts[0]))
                result.values.append(value)
                result.deviations.append(deviation)
                result.digits.append(DecimalNumeral.significantDigits(parts[1]))
            }
            index += 1
        }
        guard !result.names.isEmpty else {
            throw .missingSection(file: file, what: "no certified parameter lines 'B0 estimate sd' after 'Certified Regression Statistics'")
        }
        // "Residual" on one line, "Standard Deviation  value" on the next non-blank one.
        while index < lines.count, !lines[index].hasPrefix("Standard Deviation") { index += 1 }
        guard index < lines.count, let text = fields(lines[index]).last, let sd = DecimalNumeral.double(text) else {
            throw .missingSection(file: file, what: "no certified residual standard deviation")
        }
        result.residualSD = sd
        return result
    }

    private static func isParameterName(_ text: Substring) -> Bool {
        text.count >= 2 && text.first == "B" && text.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    // MARK: - Model

    /// Parses "y = B0 + B1*x + B2*(x**2) + ... + B10*(x**10) + e".
    static func model(from equation: Substring, columns: [String], file: String) throws(DataFileError) -> LinearModel {
        func fail(_ reason: String) -> DataFileError { .unsupportedModel(file: file, reason: reason) }
        let sides = equation.split(separator: "=", maxSplits: 1)
        guard sides.count == 2 else { throw fail("no '=' in '\(equation)'") }
        let response = String(sides[0].trimmingWhitespace())
        guard columns.contains(response) else {
            throw fail("the response '\(response)' is not a data column (\(columns.joined(separator: " ")))")
        }
        let predictorColumns = columns.filter { $0 != response }

        // Parse each term; "..." is remembered as a gap to fill once its neighbours are known.
        enum Parsed { case term(name: String, number: Int, LinearModel.Term), gap }
        var parsed: [Parsed] = []
        var predictorsUsed: [String] = []
        func predictorIndex(_ name: String) throws(DataFileError) -> Int {
            guard predictorColumns.contains(name) else {
                throw fail("'\(name)' in the model is not a data column (\(columns.joined(separator: " ")))")
            }
            if let k = predictorsUsed.firstIndex(of: name) { return k }
            predictorsUsed.append(name)
            return predictorsUsed.count - 1
        }
        for rawTerm in sides[1].split(separator: "+", omittingEmptySubsequences: false) {
            let term = rawTerm.filter { !$0.isWhitespace }
            if term == "e" { continue }
            if term == "..." || term == "…" { parsed.append(.gap); continue }
            guard !term.isEmpty else { throw fail("an empty term between two '+' in '\(equation)'") }
            let factors = term.split(separator: "*", maxSplits: 1, omittingEmptySubsequences: false)
            let parameter = factors[0]
            guard isParameterName(parameter), let number = Int(parameter.dropFirst()) else {
                throw fail("'\(term)' does not start with a parameter name such as B1")
            }
            if factors.count == 1 {
                parsed.append(.term(name: String(parameter), number: number, .constant))
                continue
            }
            // "x", "x3", "(x**2)", "x**2"
            var regressor = Substring(factors[1])
            if regressor.first == "(" && regressor.last == ")" { regressor = regressor.dropFirst().dropLast() }
            let base: Substring, exponent: Int
            if let power = regressor.range(of: "**") {
                base = regressor[..<power.lowerBound]
                guard let k = Int(regressor[power.upperBound...]), (1...30).contains(k) else {
                    throw fail("'\(term)': the exponent must be a whole number from 1 to 30")
                }
                exponent = k
            } else {
                base = regressor
                exponent = 1
            }
            parsed.append(.term(name: String(parameter), number: number,
                                .power(predictor: try predictorIndex(String(base)), exponent: exponent)))
        }

        // Fill the gaps: between Bi*(x**i) and Bj*(x**j) come B(i+1)*(x**(i+1)) … B(j-1)*(x**(j-1)).
        var terms: [LinearModel.Term] = []
        var names: [String] = []
        for (index, item) in parsed.enumerated() {
            switch item {
            case let .term(name, _, term):
                terms.append(term)
                names.append(name)
            case .gap:
                guard index > 0, index + 1 < parsed.count,
                      case let .term(_, first, .power(p, i)) = parsed[index - 1],
                      case let .term(_, last, .power(q, j)) = parsed[index + 1],
                      p == q, j - i == last - first, j > i
                else { throw fail("'...' must stand between two powers of the same predictor, as in B2*(x**2) + ... + B9*(x**9)") }
                for k in 1..<(j - i) {
                    terms.append(.power(predictor: p, exponent: i + k))
                    names.append("B\(first + k)")
                }
            }
        }
        guard !terms.isEmpty else { throw fail("no terms in '\(equation)'") }
        guard Set(names).count == names.count else { throw fail("a parameter appears twice in '\(equation)'") }
        return LinearModel(terms: terms, parameterNames: names, predictorNames: predictorsUsed, responseName: response)
    }

    // MARK: - Data

    struct Table {
        /// numerals[k][i]: column k, row i.
        var numerals: [[String]]
        var values: [[Double]]
        var rowCount: Int { values.first?.count ?? 0 }
    }

    /// Reads whitespace- (or comma-) separated numbers from `lines[start...]`, skipping blank lines.
    static func readTable(lines: [Substring], from start: Int, columns: Int, file: String,
                          separators: Set<Character> = [" ", "\t"]) throws(DataFileError) -> Table {
        var table = Table(numerals: Array(repeating: [], count: columns), values: Array(repeating: [], count: columns))
        guard start < lines.count else { return table }
        for index in start..<lines.count {
            let parts = lines[index].split(whereSeparator: { separators.contains($0) }).map { $0.trimmingWhitespace() }
            if parts.isEmpty || parts.allSatisfy(\.isEmpty) { continue }
            guard parts.count == columns else {
                throw .raggedRow(file: file, line: index + 1, expected: columns, found: parts.count)
            }
            for (k, part) in parts.enumerated() {
                guard let value = DecimalNumeral.double(part) else {
                    throw .notANumber(file: file, line: index + 1, field: k + 1, text: String(part))
                }
                table.numerals[k].append(String(part))
                table.values[k].append(value)
            }
        }
        return table
    }

    private static func baseName(_ path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        return last.split(separator: ".").first.map(String.init) ?? last
    }
}

extension Substring {
    /// Without leading and trailing spaces, tabs and line ends.
    func trimmingWhitespace() -> Substring {
        var s = self
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return s
    }
}
