import Foundation

/// Parsing a list of ranks such as `--ranks 1,5,20,50`.
public enum RankList {
    /// The distinct ranks in `text` (comma-separated whole numbers), ascending.
    ///
    /// - Parameters:
    ///   - text: the list, such as `1,5,20,50`.
    ///   - limit: the largest rank allowed, min(m, n) of the matrix.
    ///   - what: the option's name, for the message; `--ranks` by default.
    /// - Returns: the ranks, each in 1…`limit`, without repetitions, ascending.
    /// - Throws: `UserFacingError` with one line naming the offending item: not a whole number,
    ///   or outside 1…`limit` (a rank of a matrix with min(m, n) = `limit`).
    public static func parse(_ text: String, limit: Int, what: String = "--ranks") throws -> [Int] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var values: Set<Int> = []
        for item in items {
            guard let k = Int(item) else {
                throw UserFacingError("\(what): '\(item)' is not a whole number (expected e.g. 1,5,20,50)")
            }
            guard k >= 1 && k <= limit else {
                throw UserFacingError("\(what): rank \(k) is outside 1…\(limit) = min(m, n)")
            }
            values.insert(k)
        }
        return values.sorted()
    }
}
