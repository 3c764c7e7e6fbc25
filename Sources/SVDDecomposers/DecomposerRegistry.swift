import SVDCore
import SVDTextbook
import StudentJacobi

/// A singular value decomposer with the name the command-line tools know it by.
///
/// Two are equal when their names are: a name identifies one registry entry.
public struct NamedDecomposer: Sendable, Equatable {
    /// The name given to `--decomposer`: lowercase, words joined by hyphens ("normal-equations").
    public let name: String
    /// One line for `--help`: what the algorithm is, and what to expect of it.
    public let summary: String
    /// The algorithm itself.
    public let decomposer: any SingularValueDecomposer

    /// Registers `decomposer` under `name`.
    ///
    /// The tools hold it as `any SingularValueDecomposer`, so its generic entry points run with
    /// the scalar type known only at run time. A decomposer that should be fast then sends
    /// `Double` and `Float` on to code compiled for them, as `OneSidedJacobi.singularValues(of:)`
    /// does: without that, generic numerical code runs several times slower.
    public init(name: String, summary: String, decomposer: any SingularValueDecomposer) {
        self.name = name
        self.summary = summary
        self.decomposer = decomposer
    }

    public static func == (lhs: NamedDecomposer, rhs: NamedDecomposer) -> Bool { lhs.name == rhs.name }

    /// "jacobi (one-sided Jacobi)": the name given and the algorithm's own, for reports.
    public var label: String { "\(name) (\(decomposer.name))" }
}

/// The decomposers every exercise and `svd` accept by name (`--decomposer NAME`).
///
/// The first is the default. To offer another decomposer to every tool, add one line to `all`
/// (and the module that defines it to this target's dependencies in Package.swift).
public enum DecomposerRegistry {
    /// Every registered decomposer, the default first.
    public static let all: [NamedDecomposer] = [
        NamedDecomposer(name: "jacobi", summary: "one-sided Jacobi, fast and accurate; the default",
                        decomposer: OneSidedJacobi()),
        NamedDecomposer(name: "textbook", summary: "one-sided Jacobi as the textbook writes it, slow",
                        decomposer: ReferenceJacobi()),
        NamedDecomposer(name: "normal-equations", summary: "eigenvalues of AᵀA: loses σ below √ε·σ₁",
                        decomposer: NormalEquationsSVD()),
        NamedDecomposer(name: "student", summary: "your StudentJacobi (tasks C1–C4); says which task it still needs",
                        decomposer: StudentJacobi()),
    ]

    /// The decomposer used when none is named: `jacobi`.
    public static var standard: NamedDecomposer { all[0] }

    /// The registered names, in order.
    public static var names: [String] { all.map(\.name) }

    /// The decomposer registered under `name`.
    ///
    /// - Parameter name: a name from `names`, exactly (case matters).
    /// - Returns: the registered decomposer.
    /// - Throws: `UnknownDecomposer` when no decomposer has that name; its description lists the
    ///   names there are.
    public static func named(_ name: String) throws(UnknownDecomposer) -> NamedDecomposer {
        guard let found = all.first(where: { $0.name == name }) else {
            throw UnknownDecomposer(name: name, known: names)
        }
        return found
    }
}

/// A `--decomposer` name that is not registered.
public struct UnknownDecomposer: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name asked for.
    public let name: String
    /// The names there are.
    public let known: [String]

    public var description: String {
        "unknown decomposer '\(name)'; the decomposers are: \(known.joined(separator: ", "))"
    }
}
