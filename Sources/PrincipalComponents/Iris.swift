import Foundation
import LabSupport

/// Fisher's iris data, shipped with the package (see `Resources/README.md` for its provenance):
/// 150 flowers, four measurements in centimetres, and the species of each.
public enum Iris {
    /// The class column of the file.
    public static let labelColumn = "species"

    /// The built-in CSV text.
    public static func csvText() throws -> String {
        guard let url = Bundle.module.url(forResource: "iris", withExtension: "csv") else {
            throw UserFacingError("the built-in iris data is missing from the package resources")
        }
        return try readTextFile(url.path)
    }

    /// How reports name the built-in data.
    public static let source = "iris (built in; Fisher 1936, Anderson 1935)"

    /// The iris table: 150 rows, variables sepal_length, sepal_width, petal_length and
    /// petal_width, classes from `labelColumn` (`species` by default).
    public static func table(labelColumn: String = labelColumn) throws -> DataTable {
        do {
            return try CSVTableReader.read(try csvText(), source: source, labelColumn: labelColumn)
        } catch let error as CSVError {
            throw UserFacingError("built-in iris data: \(error)")
        }
    }
}
