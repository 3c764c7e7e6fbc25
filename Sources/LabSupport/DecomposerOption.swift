import ArgumentParser
import SVDCore
import SVDDecomposers

/// The option every exercise and `svd` share: `--decomposer NAME`, which singular value
/// decomposer does the work (`DecomposerRegistry`: jacobi, the default; textbook;
/// normal-equations; and any decomposer registered there).
///
/// An exercise includes it with `@OptionGroup var decomposer: DecomposerOption`, hands
/// `decomposer.selected.decomposer` to its library code, and says in its report and JSON
/// (`"decomposer": NAME`) which one ran. An unknown name is refused before anything runs, with
/// one line that lists the names there are.
public struct DecomposerOption: ParsableArguments, Sendable {
    @Option(name: .customLong("decomposer"),
            help: ArgumentHelp("The SVD algorithm: \(DecomposerOption.namesHelp).", valueName: "NAME"))
    /// The name given with `--decomposer`; the standard decomposer's by default.
    public var name: String = DecomposerRegistry.standard.name

    /// The option with its default value, as ArgumentParser creates it before parsing.
    public init() {}

    /// The decomposer named by `--decomposer` (the default when the name is unknown, which
    /// `validate()` refuses before a command runs).
    public var selected: NamedDecomposer {
        (try? DecomposerRegistry.named(name)) ?? DecomposerRegistry.standard
    }

    /// Refuses a name that is not registered, with one line listing the registered ones.
    ///
    /// - Throws: `UserFacingError` (printed as one line, without the usage text a
    ///   `ValidationError` would add).
    public func validate() throws {
        do {
            _ = try DecomposerRegistry.named(name)
        } catch {
            throw UserFacingError(error.description)
        }
    }

    /// `object` with the member `"decomposer": NAME` put first (any other JSON is returned as is).
    ///
    /// - Parameters:
    ///   - decomposer: the decomposer that ran.
    ///   - object: a JSON object.
    /// - Returns: the object, naming the decomposer.
    public static func tagging(_ object: JSON, with decomposer: NamedDecomposer) -> JSON {
        guard case .object(let members) = object else { return object }
        return .object([("decomposer", .string(decomposer.name))] + members)
    }

    /// "jacobi (one-sided Jacobi, …), textbook (…), …" for `--help`.
    static var namesHelp: String {
        DecomposerRegistry.all.map { "\($0.name) (\($0.summary))" }.joined(separator: ", ")
    }
}
