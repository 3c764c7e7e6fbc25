import ExerciseTestSupport
import Foundation
@testable import HilbertLab
import SVDDecomposers
import Testing

extension Exercise4Tests {
    @Test("exercise4 --decomposer: every registered name runs and is named in the report and the JSON; an unknown name is one line listing them")
    func decomposerOption() throws {
        try DecomposerOptionCheck(executable: "exercise4", arguments: ["--sizes", "5,10"], names: DecomposerRegistry.names).run()
    }
}

extension Exercise4Tests {
    /// The lesson of `--decomposer normal-equations`, end to end: κ₂(H₁₀) ≈ 1.6·10¹³ (mpmath
    /// reference, ``HilbertReference``) survives in Double with either Jacobi decomposer, to the
    /// exercise's rule of thumb ε·κ ≈ 3.6·10⁻³ (measured: 1.4·10⁻⁴ and 2.5·10⁻⁵), and is lost through
    /// AᵀA, whose rounding error ε·σ₁² is above σ_min² ≈ 1.2·10⁻²⁶: κ comes out infinite (JSON null)
    /// or wrong in its first digit. The accurate Cauchy route is one-sided Jacobi whatever the option.
    @Test("exercise4 --decomposer normal-equations loses κ(H₁₀) in Double; jacobi and textbook keep it",
          arguments: DecomposerRegistry.names)
    func conditionOfH10(name: String) throws {
        let command = try ExerciseCommand("exercise4")
        defer { command.remove() }
        let run = try command.run(["--sizes", "10", "--json", "--no-plots", "--decomposer", name])
        #expect(run.status == 0, "\(run.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(object["decomposer"] as? String == name)
        let results = try #require(object["results"] as? [[String: Any]])
        let exact = try #require(HilbertReference.entry(10)).conditionNumber
        func kappa(_ precision: String) -> Double? {
            results.first { $0["precision"] as? String == precision }?["conditionNumber"] as? Double
        }
        let double = kappa("double")
        let relativeError = double.map { abs($0 - exact) / exact }
        if name == "normal-equations" {
            #expect(relativeError.map { $0 > 0.5 } ?? true, "κ(H₁₀) through AᵀA: \(String(describing: double))")
        } else {
            let ruleOfThumb = Double.ulpOfOne * exact
            #expect(relativeError.map { $0 <= ruleOfThumb } ?? false, "κ(H₁₀) by \(name): \(String(describing: double))")
        }
        let accurate = try #require(kappa("accurate"))
        #expect(abs(accurate - exact) <= 16 * Double.ulpOfOne * exact, "the accurate route does not depend on --decomposer")
    }
}
