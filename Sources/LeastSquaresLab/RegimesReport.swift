import Foundation
import LabSupport
import SVDCore

/// The text of the three regimes: overdetermined, underdetermined, rank-deficient.
public enum RegimesReport {
    public static func text(_ over: OverdeterminedRegime, _ under: UnderdeterminedRegime,
                            _ deficient: RankDeficientRegime) -> String {
        var out: [String] = []
        func e(_ x: Double, _ digits: Int) -> String { Format.scientific(x, digits) }
        out.append("""
            ━━ 1. Overdetermined: \(over.rows) equations, \(over.columns) unknowns, κ₂(A) = \(e(over.conditionNumber, 1))
            b = A·x_true + r_true with r_true ⟂ col(A), so x_true is the exact least-squares solution
            (of A before its entries are rounded to Double: that rounding alone moves the answer by up to the bound below).
            """)
        var table = TextTable(headers: ["method", "relative error", "correct digits", "‖Aᵀr‖/(‖A‖‖r‖)"])
        table.append(["x = A⁺b (SVD)", e(over.relativeError(over.pseudoinverseSolution), 1),
                      Format.fixed(over.correctDigits(over.pseudoinverseSolution), 1), e(over.residualOrthogonality, 1)])
        if let ne = over.normalEquationsSolution, let orthogonality = over.normalEquationsOrthogonality {
            table.append(["AᵀA·x = Aᵀb (Cholesky)", e(over.relativeError(ne), 1),
                          Format.fixed(over.correctDigits(ne), 1), e(orthogonality, 1)])
        } else {
            table.append(["AᵀA·x = Aᵀb (Cholesky)", "failed", "0", "—"])
        }
        out.append(table.rendered())
        let lost = over.normalEquationsSolution.map {
            over.correctDigits(over.pseudoinverseSolution) - over.correctDigits($0)
        }
        let boundDigits = log10(over.backwardStableErrorBound / Double.ulpOfOne)
        out.append("""
              A backward-stable solver such as the SVD has an error of about ε·κ + ε·κ²·‖r‖/(‖A‖‖x‖): \
            \(Format.fixed(boundDigits, 1)) digits
              lost of Double's 16 here (log₁₀ κ = \(Format.fixed(log10(over.conditionNumber), 1)) is the ε·κ rule, right \
            while ‖r‖ is small; ‖r‖ = \(e(over.residualSize, 0)), --residual sets it).
              The normal equations square κ whatever ‖r‖ and lose about \(Format.fixed(2 * log10(over.conditionNumber), 1))\
            \(lost.map { " (here \(Format.fixed($0, 1)) digits more than the SVD)" } ?? "").
              Both residuals r = b − Ax are orthogonal to the columns of A up to the rounding of r
              itself, of the order of ε‖b‖/‖r‖ = \(e(Double.ulpOfOne * over.rightHandSideNorm / over.residualNorm, 0)) (Aᵀr = 0 is what "normal equations" means): orthogonality is the
              condition for a minimum, not a grade of accuracy — the normal equations meet it for the
              rounded AᵀA, a different problem. Moving away from x can only cost, by Pythagoras:
              ‖A(x+δ) − b‖² − ‖Ax − b‖² = ‖Aδ‖² because r ⟂ Aδ (‖r‖ = \(e(over.residualNorm, 2))):
            """)
        var moves = TextTable(headers: ["‖δ‖ scale", "increase of ‖r‖²", "‖Aδ‖²"])
        for (scale, p) in zip(["1e-2", "1e-4", "1e-6"], over.perturbations) {
            moves.append([scale, e(p.increase, 3), e(p.predicted, 3)])
        }
        out.append(moves.rendered(indent: 4))
        out.append(penroseLine(over.penrose))

        out.append("""

            ━━ 2. Underdetermined: \(under.rows) equations, \(under.columns) unknowns: \
            a \(under.nullSpaceDimension)-dimensional family of exact solutions
            x⁺ = A⁺b solves Ax = b (‖Ax⁺ − b‖/‖b‖ = \(e(under.relativeResidual, 1))) and has no component in \
            null(A) (‖Nᵀx⁺‖/‖x⁺‖ = \(e(under.nullSpaceComponent, 1))).
            Every x⁺ + N·c also solves Ax = b, and ‖x⁺ + Nc‖² = ‖x⁺‖² + ‖c‖²: longer, never shorter.
            """)
        let x0 = scaledNorm(under.minimumNormSolution)
        var family = TextTable(headers: ["solution", "‖c‖", "‖x‖", "√(‖x⁺‖² + ‖c‖²)", "‖Ax − b‖/‖b‖"])
        family.append(["x⁺ = A⁺b", "0", Format.significant(x0, 8), Format.significant(x0, 8), e(under.relativeResidual, 1)])
        for s in under.otherSolutions {
            family.append(["x⁺ + N·c", Format.significant(s.shift, 3), Format.significant(s.norm, 8),
                           Format.significant((x0 * x0 + s.shift * s.shift).squareRoot(), 8), e(s.relativeResidual, 1)])
        }
        out.append(family.rendered())
        out.append(penroseLine(under.penrose))

        out.append("""

            ━━ 3. Rank-deficient: A = A₀ + E, \(deficient.rows)×\(deficient.columns), rank(A₀) = \(deficient.trueRank), \
            noise ‖E‖/‖A₀‖ = \(e(deficient.noiseLevel, 0))
            Singular values of A: \(deficient.singularValues.map { e($0, 2) }.joined(separator: "  "))
            The last \(deficient.columns - deficient.trueRank) are noise. Inverting them adds (uᵢᵀb/σᵢ)·vᵢ, huge and meaningless:
            """)
        var cuts = TextTable(headers: ["cut-off τ", "τ", "σᵢ kept", "‖x‖", "‖Ax − b‖", "‖x − A₀⁺b‖/‖A₀⁺b‖"])
        for c in deficient.cutoffs {
            cuts.append([c.label, e(c.tau, 1), "\(c.rank)", e(c.solutionNorm, 2), Format.significant(c.residualNorm, 8),
                         e(c.errorFromNoiseFree, 1)])
        }
        out.append(cuts.rendered())
        if let all = deficient.cutoffs.first, let truncated = deficient.cutoffs.last {
            out.append("""
                  Inverting the noise lowers ‖Ax − b‖ from \(Format.significant(truncated.residualNorm, 4)) to \
                \(Format.significant(all.residualNorm, 4)) only by fitting b along directions that exist
                  because of the noise, at the price of a solution \(e(all.solutionNorm / truncated.solutionNorm, 1)) times \
                longer. The default cut-off σ₁·max(m,n)·ε removes only rounding-level σᵢ;
                  noise above it needs τ at the gap in the spectrum (truncated SVD), which recovers the
                  noise-free minimum-norm solution A₀⁺b to about η·κ.
                """)
        }
        return out.joined(separator: "\n")
    }

    private static func penroseLine(_ p: PenroseConditions) -> String {
        "  Penrose conditions of the computed A⁺ (relative residuals): AXA = A: \(Format.scientific(p.axa, 1)), "
            + "XAX = X: \(Format.scientific(p.xax, 1)), (AX)ᵀ = AX: \(Format.scientific(p.axSymmetry, 1)), "
            + "(XA)ᵀ = XA: \(Format.scientific(p.xaSymmetry, 1))"
    }
}
