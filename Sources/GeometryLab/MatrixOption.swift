import SVDCore

/// Reading the `--matrix "a b; c d"` option: a 2×2 matrix written on one line.
///
/// Rows are separated by `;`, entries within a row by spaces and/or commas:
///
/// ```swift
/// try MatrixOption.parse("2 1.5; 0 1")     // [[2, 1.5], [0, 1]]
/// try MatrixOption.parse("1, -2; 3, 4")    // commas are fine too
/// try MatrixOption.parse("1 2 3; 4 5 6")   // throws: row 1 has 3 entries, a 2×2 matrix needs 2
/// ```
public enum MatrixOption {
    /// The largest entry magnitude accepted. The picture needs A·x and σ₁σ₂ = |det A| without
    /// overflow; entries up to 1e100 keep every product far from Double's limit of 1.8e308.
    public static let largestEntry = 1e100

    /// Parses `text` into a 2×2 matrix.
    public static func parse(_ text: String) throws(MatrixOptionError) -> Matrix<Double> {
        let rowTexts = text.split(separator: ";", omittingEmptySubsequences: false)
            .map { $0.trimmingWhitespace() }
        if rowTexts.count == 1 && rowTexts[0].isEmpty { throw .empty }
        guard rowTexts.count == 2 else { throw .wrongRowCount(found: rowTexts.count) }
        var rows: [[Double]] = []
        for (index, rowText) in rowTexts.enumerated() {
            let fields = rowText.split { $0 == " " || $0 == "," || $0 == "\t" }
            guard fields.count == 2 else { throw .wrongEntryCount(row: index + 1, found: fields.count) }
            var row: [Double] = []
            for field in fields {
                guard let value = Double(field) else { throw .notANumber(row: index + 1, field: String(field)) }
                guard value.isFinite else { throw .nonFinite(row: index + 1, field: String(field)) }
                guard abs(value) <= largestEntry else { throw .tooLarge(row: index + 1, field: String(field)) }
                row.append(value)
            }
            rows.append(row)
        }
        return Matrix(rows: 2, columns: 2) { i, j in rows[i][j] }
    }
}

/// Why a `--matrix` value is not a 2×2 matrix. Each message fits on one line and says what to write.
public enum MatrixOptionError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case wrongRowCount(found: Int)
    case wrongEntryCount(row: Int, found: Int)
    case notANumber(row: Int, field: String)
    case nonFinite(row: Int, field: String)
    case tooLarge(row: Int, field: String)

    public var description: String {
        let form = "write it as \"a b; c d\""
        switch self {
        case .empty:
            return "--matrix is empty; \(form)"
        case let .wrongRowCount(found):
            return "--matrix has \(found) rows separated by ';', a 2×2 matrix needs 2; \(form)"
        case let .wrongEntryCount(row, found):
            return "--matrix row \(row) has \(found) \(found == 1 ? "entry" : "entries"), a 2×2 matrix needs 2; \(form)"
        case let .notANumber(row, field):
            return "--matrix row \(row): '\(field)' is not a number"
        case let .nonFinite(row, field):
            return "--matrix row \(row): '\(field)' is not a finite number (NaN and infinity are not allowed)"
        case let .tooLarge(row, field):
            return "--matrix row \(row): '\(field)' is too large (entries up to 1e100 in magnitude, so that A·x cannot overflow)"
        }
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
