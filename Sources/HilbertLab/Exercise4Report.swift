import Foundation
import LabSupport
import SVDCore

extension Exercise4Study {
    /// The report printed by `exercise4`: the table, why the stored-precision answers fail, the
    /// accurate method, and the regularization trade-off, each with the numbers that show it.
    public func textReport() throws -> String {
        var out: [String] = []
        out.append("Exercise 4 — the condition number of the Hilbert matrix Hᵢⱼ = 1/(i + j − 1)")
        out.append("")
        // In the student version a section whose task is not done yet is replaced by a note.
        if let note = waiting[.conditionTable] {
            out.append(note)
        } else {
            out += conditionTable()
            out.append("")
            out += try whyStoredPrecisionsFail()
        }
        out.append("")
        out += try accurateMethod()
        out.append("")
        out += regularizationSection()
        return out.joined(separator: "\n")
    }

    // MARK: - The table

    private func conditionTable() -> [String] {
        var lines = [
            "κ₂(Hₙ) = σ_max/σ_min by the SVD of Hₙ stored in Float, Double and Float80 "
                + "(decomposer: \(configuration.decomposer.label)),",
            "and by the `accurate` structured method in Double (Cauchy LDU + Jacobi, see below).",
            "`exact`: 120-digit arithmetic (mpmath). digits = −log₁₀(|κ − κ_exact|/κ_exact), at most 16.",
            "",
        ]
        var table = TextTable(headers: ["n", "method", "κ₂(Hₙ)", "digits", "σ_max", "σ_min"], leftAligned: [1])
        for n in configuration.sizes {
            if let exact = HilbertReference.entry(n) {
                table.append(["\(n)", "exact", Self.long(exact.conditionNumber), "",
                              Self.long(exact.sigmaMax), Self.long(exact.sigmaMin)])
            }
            for method in HilbertMethod.available {
                guard let r = result(n: n, method: method) else { continue }
                table.append(["", method.label, Self.long(r.conditionNumber),
                              r.correctDigits.map { Format.fixed($0, 1) } ?? "–",
                              Self.long(r.sigmaMax), Self.long(r.sigmaMin)])
            }
        }
        lines.append(table.rendered())
        return lines
    }

    // MARK: - Why Float, Double and Float80 fail

    private func whyStoredPrecisionsFail() throws -> [String] {
        let n = Self.featuredSize
        let exact = HilbertReference.entry(n)!
        let stored = HilbertMethod.availableStoredPrecisions
        var lines = [
            "Why Float, Double and Float80 go wrong: the rule of thumb \"relative error of σ_min ≈ ε·κ\"",
            "  A backward-stable SVD (one-sided Jacobi is one) returns the exact singular values of a",
            "  matrix within about ε·‖H‖ of the one it was given. By Weyl's inequality σ_min may then move",
            "  by ε·σ_max, a relative error of ε·κ: no digit of σ_min (or κ) survives once ε·κ ≳ 1. So the rule",
            "  predicts −log₁₀(ε·κ) correct digits of κ (≈ 16 − log₁₀κ in Double, ≈ 7 − log₁₀κ in Float):",
            "",
        ]
        var table = TextTable(headers: ["n", "κ₂(Hₙ)", "precision", "ε·κ", "predicted digits", "measured digits"], leftAligned: [2])
        for n in configuration.sizes {
            guard let reference = HilbertReference.entry(n) else { continue }
            for (index, method) in stored.enumerated() {
                let r = result(n: n, method: method)
                table.append([index == 0 ? "\(n)" : "", index == 0 ? Format.scientific(reference.conditionNumber, 2) : "",
                              method.label, Format.scientific(method.epsilon * reference.conditionNumber, 1),
                              r?.predictedDigits.map { Format.fixed($0, 1) } ?? "–",
                              r?.correctDigits.map { Format.fixed($0, 1) } ?? "–"])
            }
        }
        lines.append(table.rendered(indent: 4))

        let perturbation = try StoredMatrixInertia.storagePerturbationNorm(n: n, storedIn: .double)
        let inertia15 = StoredMatrixInertia(n: n, storedIn: .double)
        let double15 = try ConditionNumberResult(n: n, method: .double)
        let orders = Foundation.log10(exact.conditionNumber / double15.conditionNumber)
        lines += [
            "",
            "  The damage is done before the SVD starts: 1/(i + j − 1) is not a binary fraction, and",
            "  storing it rounds every entry by up to ε/2 relatively. For n = \(n) in Double (ε·κ = \(Format.scientific(HilbertMethod.double.epsilon * exact.conditionNumber, 1))):",
            "    ‖fl(H₁₅) − H₁₅‖₂        = \(Format.scientific(perturbation, 1))   (storage error, measured)",
            "    σ_min(H₁₅)              = \(Format.scientific(exact.sigmaMin, 1))   (exact)",
            "    λ_min(fl(H₁₅))          = \(Format.scientific(inertia15.smallestEigenvalue, 1))   (the stored matrix, double-double LDLᵀ)",
            "    σ_min computed (Double) = \(Format.scientific(double15.sigmaMin, 1))",
            "  The storage error is \(Format.scientific(perturbation / exact.sigmaMin, 1)) times σ_min(H₁₅): the stored matrix no longer",
            "  contains σ_min(H₁₅) at all, and its smallest singular values are rounding noise of size",
            "  ≈ 10⁻¹⁷. So κ comes out as \(Format.scientific(double15.conditionNumber, 2)) instead of \(Format.scientific(exact.conditionNumber, 2)), \(Format.fixed(orders, 1)) orders of magnitude too small.",
            "",
        ]
        lines += indefinitenessLines()
        return lines
    }

    /// Which stored matrices are indefinite, measured for every n up to the largest supported.
    private func indefinitenessLines() -> [String] {
        let largest = Configuration.largestSize
        var lines = [
            "  Worse, the stored matrix need not even be positive definite, as Hₙ is. An LDLᵀ (Cholesky)",
            "  factorization of fl(Hₙ) in double-double arithmetic (32 digits, exact input) counts its",
            "  negative eigenvalues (Sylvester's law of inertia); measured for every n ≤ \(largest):",
        ]
        for precision in HilbertMethod.availableStoredPrecisions {
            let sizes = StoredMatrixInertia.indefiniteSizes(storedIn: precision, upTo: largest)
            let text: String
            if sizes.isEmpty {
                text = "positive definite for every n ≤ \(largest)"
            } else if sizes == Array(sizes[0]...largest) {
                text = "positive definite for n ≤ \(sizes[0] - 1), not positive definite for every n from \(sizes[0]) to \(largest)"
            } else {
                text = "not positive definite for n ∈ {\(sizes.map(String.init).joined(separator: ", "))}"
            }
            lines.append("    fl(Hₙ) in \(precision.label.padding(toLength: 7, withPad: " ", startingAt: 0)): \(text)")
        }
        lines.append("")
        var table = TextTable(headers: ["n", "stored in", "negative eigenvalues", "λ_min(fl(Hₙ))", "λ_min(Hₙ) exact"],
                              leftAligned: [1])
        for n in configuration.sizes {
            for entry in inertia where entry.n == n {
                table.append(["\(n)", entry.precision.label, "\(entry.negativeEigenvalues)",
                              Format.scientific(entry.smallestEigenvalue, 3),
                              HilbertReference.entry(n).map { Format.scientific($0.sigmaMin, 3) } ?? "–"])
            }
        }
        lines.append(table.rendered(indent: 4))
        return lines
    }

    // MARK: - The accurate method

    private func accurateMethod() throws -> [String] {
        let n = Self.featuredSize
        let accurate = try AccurateCauchySVD(.hilbert(n))
        let (kappaL, kappaU) = try accurate.conditionOfFactors()
        let exact = HilbertReference.entry(n)!
        let sigmaMin = accurate.singularValues.last!
        let error = abs(sigmaMin - exact.sigmaMin) / exact.sigmaMin
        var lines = [
            "The accurate method (Demmel 1999): full relative accuracy in Double",
            "  Hₙ is the Cauchy matrix 1/(xᵢ + yⱼ) with exact integer nodes xᵢ = i, yⱼ = j − 1. Eliminating",
            "  pivot k turns entry (i, j) into itself times (xᵢ − xₖ)(yⱼ − yₖ)/((xᵢ + yₖ)(xₖ + yⱼ)): products of",
            "  exact differences, never a cancelling subtraction. Gaussian elimination with complete pivoting",
            "  run this way gives P·Hₙ·Q = L·D·U with every entry correct to a few ulps. All the ill",
            "  conditioning is in D; L and U are well conditioned (n = \(n): κ₂(L) = \(Format.significant(kappaL, 3)), κ₂(U) = \(Format.significant(kappaU, 3))).",
            "  One-sided Jacobi is accurate on matrices with scaled columns: on L·D = U₁Σ₁V₁ᵀ, then on",
            "  (Σ₁V₁ᵀU)ᵀ, whose singular values are those of Hₙ.",
            "    σ_min(H₁₅) accurate = \(Self.long(sigmaMin))",
            "    σ_min(H₁₅) exact    = \(exact.sigmaMinText)",
            "    relative error      = \(Format.scientific(error, 1))  (ε = \(Format.scientific(Double.ulpOfOne, 1)))",
        ]
        let checked = configuration.sizes.compactMap { result(n: $0, method: .accurate) }
        if let worst = checked.compactMap({ r in r.relativeError.map { (r.n, $0) } }).max(by: { $0.1 < $1.1 }) {
            lines.append("    worst relative error of κ₂ over the sizes above: \(Format.scientific(worst.1, 1)) (n = \(worst.0))")
        }
        return lines
    }

    // MARK: - Regularization

    private func regularizationSection() -> [String] {
        var lines: [String] = []
        if let study = regularization {
            lines += shiftTable(study)
        } else if let note = waiting[.regularization] {
            lines.append(note)
        }
        lines.append("")
        if let limits = shiftLimits {
            let e = { (x: Double) in Format.scientific(x, 1) }
            let entries = limits.matrix.rowArrays.map { row in row.map { Format.significant($0, 3) }.joined(separator: ", ") }
            lines += [
                "  A + αI raises σ_min for Hₙ because Hₙ is symmetric positive definite (its eigenvalues λᵢ + α",
                "  move away from 0). For a general A it need not. A = [\(entries.joined(separator: "; "))], α = \(e(limits.alpha)), has",
                "  σ_min(A) = \(e(limits.smallestBefore)) and σ_min(A + αI) = \(e(limits.smallestAfterShift))"
                    + (limits.smallestAfterShift == 0 ? ": the shift made it singular." : "."),
                "  The general device is Tikhonov: (AᵀA + αI)·x = Aᵀb, the least squares of [A; √α·I], whose",
                "  σ_min = √(σ_min(A)² + α) ≥ √α for every A (here \(e(limits.smallestTikhonov))); it replaces 1/σᵢ by σᵢ/(σᵢ² + α).",
            ]
        } else if let note = waiting[.diagonalShift] {
            lines.append(note)
        }
        return lines
    }

    /// The table of the shift experiment, with Tikhonov's error beside it.
    private func shiftTable(_ study: RegularizationStudy) -> [String] {
        var lines = [
            "Regularization: solve (Hₙ + αI)·x = b̃ instead of Hₙ·x = b (n = \(study.n))",
            "  True x = (1, …, 1), b = Hₙx, b̃ = b + δb with ‖δb‖/‖b‖ = \(Format.scientific(study.noiseLevel, 0)) (seeded noise); solved in Double by SVD.",
            "  bias: error with exact data, ‖x_α(b) − x‖/‖x‖ (for tiny α mostly rounding, ≈ ε·κ);",
            "  noise: the data error carried through, ‖x_α(b̃) − x_α(b)‖/‖x‖ ≤ ‖δb‖/((λ_min + α)‖x‖);",
            "  Tikhonov: the total error of Σ σᵢ/(σᵢ² + α)·(uᵢᵀb̃)·vᵢ, which damps σᵢ ≲ √α instead of λᵢ ≲ α.",
            "",
        ]
        var table = TextTable(headers: ["α", "κ₂(Hₙ + αI)", "bias", "noise", "total error", "", "Tikhonov"], leftAligned: [5])
        let best = study.best
        for row in study.rows {
            table.append([row.alpha == 0 ? "0" : Format.scientific(row.alpha, 0),
                          Format.scientific(row.conditionNumber, 2), Format.scientific(row.bias, 2),
                          Format.scientific(row.noise, 2),
                          Format.scientific(row.total, 2), row.alpha == best.alpha ? "← best" : "",
                          Format.scientific(row.tikhonov, 2)])
        }
        lines.append(table.rendered(indent: 4))
        let plain = study.rows.first { $0.alpha == 0 }
        let bestTikhonov = study.rows.min { $0.tikhonov < $1.tikhonov }!
        lines += [
            "",
            "  α lowers κ₂ to about (λ_max + α)/α and trades noise for bias: the best α = \(Format.scientific(best.alpha, 0)) gives an",
            "  error of \(Format.scientific(best.total, 1))" + (plain.map { ", against \(Format.scientific($0.total, 1)) without regularization." } ?? "."),
            "  Tikhonov's best, at α = \(Format.scientific(bestTikhonov.alpha, 0)), gives \(Format.scientific(bestTikhonov.tikhonov, 1)).",
        ]
        return lines
    }

    /// 15 significant digits.
    static func long(_ x: Double) -> String { Format.scientific(x, 14) }
}
