import SVDCore

/// Observations in rows, numeric variables in columns, and optionally a class for each row.
///
/// This is what a CSV file with a header becomes: the header names the variables, every
/// numeric column is a variable, and one text column may hold the class of each row (the
/// species of an iris, say), which PCA does not use but the plots colour by.
public struct DataTable: Sendable, Equatable {
    /// Where the data came from, for reports ("iris (built in)", "measurements.csv").
    public let source: String
    /// The names of the variables, one per column of `values`.
    public let variableNames: [String]
    /// The measurements: `values[i, j]` is variable j of observation i. Every entry is finite.
    public let values: Matrix<Double>
    /// The name of the class column, or `nil` when the rows have no classes.
    public let labelName: String?
    /// The class of each row (as many as `values.rows`), or `nil`.
    public let labels: [String]?

    public init(source: String, variableNames: [String], values: Matrix<Double>,
                labelName: String? = nil, labels: [String]? = nil) {
        precondition(variableNames.count == values.columns,
                     "\(variableNames.count) names for \(values.columns) variables")
        precondition(labels == nil || labels!.count == values.rows,
                     "\(labels!.count) labels for \(values.rows) rows")
        self.source = source
        self.variableNames = variableNames
        self.values = values
        self.labelName = labelName
        self.labels = labels
    }

    /// The distinct classes in the order they first appear, with how many rows each has.
    public var classCounts: [(label: String, count: Int)] {
        guard let labels else { return [] }
        var order: [String] = []
        var counts: [String: Int] = [:]
        for label in labels {
            if counts[label] == nil { order.append(label) }
            counts[label, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }
    }
}
