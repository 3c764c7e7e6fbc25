/// A text table with right-aligned numeric columns, for terminal reports.
///
/// ```swift
/// var table = TextTable(headers: ["k", "error"])
/// table.append(["1", "0.5"])
/// print(table.rendered())
/// ```
public struct TextTable: Sendable {
    /// The column headings.
    public var headers: [String]
    /// The rows, each with one cell per heading.
    public var rows: [[String]] = []
    /// Columns to align left (text columns); the rest align right.
    public var leftAligned: Set<Int>

    /// An empty table.
    ///
    /// - Parameters:
    ///   - headers: the column headings.
    ///   - leftAligned: the columns to align left; the first by default.
    public init(headers: [String], leftAligned: Set<Int> = [0]) {
        self.headers = headers
        self.leftAligned = leftAligned
    }

    /// Adds a row.
    ///
    /// - Parameter row: one cell per heading.
    public mutating func append(_ row: [String]) {
        precondition(row.count == headers.count, "A row needs \(headers.count) cells, got \(row.count)")
        rows.append(row)
    }

    /// The table as lines of text, with a rule under the header.
    ///
    /// - Parameter indent: the spaces before each line; 2 by default.
    /// - Returns: the lines, each column padded to its widest cell.
    public func rendered(indent: Int = 2) -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell -> String in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return leftAligned.contains(column) ? cell + pad : pad + cell
            }
            return String(repeating: " ", count: indent) + padded.joined(separator: "  ")
        }
        var lines = [line(headers)]
        lines.append(String(repeating: " ", count: indent)
                     + String(repeating: "─", count: widths.reduce(0, +) + 2 * max(widths.count - 1, 0)))
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}
