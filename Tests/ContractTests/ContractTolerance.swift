import Foundation

/// Every bound of the contract suite, derived once.
///
/// **The model.** A backward-stable SVD of an m×n matrix A, computed by orthogonal
/// transformations in floating point with unit roundoff ε (Higham, *Accuracy and Stability of
/// Numerical Algorithms*, 2nd ed., §19.3 and §2.1), returns Û, Σ̂, V̂ with
///
///     A + E = Û·Σ̂·V̂ᵀ,   ‖E‖_F ≤ c·ε·d·‖A‖_F,   |ÛᵀÛ − I|, |V̂ᵀV̂ − I| ≤ c·ε·d (entrywise),
///
/// d = max(m, n). One constant c serves every bound: a rotation or reflection applied to a
/// vector commits a relative error of a few ε; a Jacobi method applies O(d) of them to each
/// column per sweep over a handful of sweeps (6–8 at the sizes tested here), and the grading
/// products (U·Σ·Vᵀ, UᵀU) add d·ε each. c = 16 covers that accumulation with room for the
/// constant factors of the textbook bounds, and it is not tuned: a real defect (a wrong
/// rotation sign, a lost column, an unsorted σ) gives errors of order 1, some 10¹³ above it.
///
/// **Underflow.** Where results fall among the subnormal numbers, each operation adds an absolute
/// error of up to η = `Double.leastNonzeroMagnitude` (Higham's model (2.8)); bounds on scaled
/// quantities carry c·d·η for it, which is invisible anywhere else.
///
/// **Consequences used by the tests** (each function below states its own):
/// Weyl: |σ̂ᵢ − σᵢ| ≤ ‖E‖₂ ≤ ‖E‖_F. Demmel–Veselić: a column-wise backward error
/// ‖eⱼ‖ ≤ c·ε·d·‖aⱼ‖ perturbs A = B·D (B with unit columns) by δB·D, ‖δB‖₂ ≤ √n·c·ε·d, hence
/// |σ̂ᵢ − σᵢ|/σᵢ ≤ √n·c·ε·d/σ_min(B), whatever D is.
enum ContractTolerance {
    /// ε, the unit roundoff of `Double` times two (the spacing of the numbers at 1).
    static let epsilon = Double.ulpOfOne
    /// η, the smallest positive subnormal: the absolute error an underflowing result may carry.
    static let underflowUnit = Double.leastNonzeroMagnitude
    /// The one constant of the suite (argued above).
    static let c: Double = 16

    /// c·ε·d·scale + c·d·η: the backward error of one decomposition, measured at `scale`.
    static func backward(rows m: Int, columns n: Int, scale: Double) -> Double {
        let d = Double(max(m, n))
        return c * epsilon * d * scale + c * d * underflowUnit
    }

    /// ‖A − Û·Σ̂·V̂ᵀ‖_F ≤ c·ε·d·‖A‖_F (the model's E, plus the rounding of the product, within c).
    static func reconstruction(rows m: Int, columns n: Int, frobeniusNorm: Double) -> Double {
        backward(rows: m, columns: n, scale: frobeniusNorm)
    }

    /// max|ÛᵀÛ − I| ≤ c·ε·d (and likewise V̂, and every basis cut from them).
    static func orthogonality(rows m: Int, columns n: Int) -> Double {
        c * epsilon * Double(max(m, n))
    }

    /// Weyl: |σ̂ᵢ − σᵢ| ≤ c·ε·d·‖A‖_F for every i.
    static func singularValue(rows m: Int, columns n: Int, frobeniusNorm: Double) -> Double {
        backward(rows: m, columns: n, scale: frobeniusNorm)
    }

    /// Two decompositions of matrices that are equal, or equal up to one rounding per entry
    /// (Aᵀ, 2ᵏ·A, c·A, Q·A formed in floating point), each within Weyl's bound of the exact σ:
    /// their σ̂ differ by at most 2·c·ε·d·‖A‖_F, plus the rounding of forming the second matrix,
    /// |fl(Q·A) − Q·A| ≤ d·ε·|Q|·|A|, whose Frobenius norm is at most d·ε·√d·‖A‖_F.
    static func twoDecompositions(rows m: Int, columns n: Int, frobeniusNorm: Double,
                                  formedWithRounding: Bool = false) -> Double {
        let d = Double(max(m, n))
        let forming = formedWithRounding ? d.squareRoot() * epsilon * d * frobeniusNorm : 0
        return 2 * backward(rows: m, columns: n, scale: frobeniusNorm) + forming
    }

    /// Demmel–Veselić: |σ̂ᵢ − σᵢ|/σᵢ ≤ √n·c·ε·d/σ_min(B) for A = B·D, B with unit columns,
    /// n the number of columns of the tall orientation (min(m, n)).
    static func gradedRelative(rows m: Int, columns n: Int, unitColumnsSigmaMin: Double) -> Double {
        let p = Double(min(m, n))
        return p.squareRoot() * c * epsilon * Double(max(m, n)) / unitColumnsSigmaMin
    }

    /// A quantity built from the factors and compared with what Eckart–Young predicts from Σ̂
    /// (‖A − A_k‖ in either norm, ‖A·N‖): it differs from the prediction by the backward error
    /// E, by the non-orthogonality of Û and V̂ acting on Σ̂ (≤ c·ε·d·‖A‖_F), and by the rounding of
    /// forming the product and the difference (≤ d·ε·‖A‖_F, inside c): 2·c·ε·d·‖A‖_F in all.
    static func fromFactors(rows m: Int, columns n: Int, frobeniusNorm: Double) -> Double {
        2 * backward(rows: m, columns: n, scale: frobeniusNorm)
    }

    /// ‖D‖₂ measured as √λ̂_max(DᵀD) by a backward-stable symmetric eigensolver: Weyl gives
    /// |λ̂ − λ| ≤ c·ε·d·‖DᵀD‖_F ≤ c·ε·d·‖D‖_F², and dividing by √λ̂ + √λ ≥ ‖D‖₂,
    /// |‖D‖₂^ − ‖D‖₂| ≤ c·ε·d·‖D‖_F²/‖D‖₂ (0 for D = 0, whose Gram matrix is exactly 0).
    static func spectralNormMeasurement(rows m: Int, columns n: Int, frobenius: Double, spectral: Double) -> Double {
        spectral > 0 ? c * epsilon * Double(max(m, n)) * frobenius * frobenius / spectral : 0
    }

    /// The Penrose conditions for A⁺ = V̂_r·Σ̂_r⁻¹·Û_rᵀ, each measured entrywise relative to its
    /// natural scale (‖A‖₂ for A·A⁺·A − A, ‖A⁺‖₂ for A⁺·A·A⁺ − A⁺, 1 for the symmetry of A·A⁺ and
    /// A⁺·A). Substituting A = Û·Σ̂·V̂ᵀ − E: the residuals are Σ̂_r·(V̂ᵀV̂ − I)·Σ̂_r⁻¹ (entries
    /// σᵢ/σⱼ·c·ε·d ≤ κ_r·c·ε·d), E·A⁺ (‖E‖·‖A⁺‖ ≤ c·ε·d·κ_r, with ‖A‖_F ≤ √p·‖A‖₂ inside d) and
    /// the discarded σ below the rank cut (≤ d·ε·σ₁, inside c), so each is at most
    /// 2·c·ε·d·κ_r·scale, κ_r = σ₁/σ_r the condition of A on its range.
    static func penrose(rows m: Int, columns n: Int, rangeCondition: Double, scale: Double) -> Double {
        2 * c * epsilon * Double(max(m, n)) * rangeCondition * scale + c * underflowUnit
    }

    /// Least squares x̂ = V̂·Σ̂⁺·Ûᵀ·b. With A = Û·Σ̂·V̂ᵀ − E, A·x̂ = Û·Ûᵀ·b − E·x̂, so
    /// - overdetermined: Aᵀ·(b − A·x̂) = V̂Σ̂(I − ÛᵀÛ)Ûᵀb + Eᵀ(…) + AᵀE·x̂, at most
    ///   c·ε·d·‖A‖₂·(‖b‖ + ‖A‖₂·‖x̂‖), the rounding of forming b − A·x̂ included;
    /// - full row rank: ‖b − A·x̂‖ ≤ ‖(I − ÛÛᵀ)b‖ + ‖E‖·‖x̂‖ ≤ c·ε·d·(‖b‖ + ‖A‖₂·‖x̂‖).
    /// No κ appears: these are residual, not forward, errors.
    static func leastSquaresResidual(rows m: Int, columns n: Int, normA: Double, normB: Double,
                                     normX: Double) -> Double {
        backward(rows: m, columns: n, scale: normB + normA * normX)
    }

    /// Forward error of a least-squares solution from a backward-stable method (Wedin; Higham
    /// Theorem 20.1): ‖x̂ − x‖/‖x‖ ≤ c·ε·d·(κ + κ²·‖r‖/(‖A‖₂·‖x‖)), κ = σ₁/σ_min.
    static func leastSquaresForward(rows m: Int, columns n: Int, kappa: Double, normA: Double, normX: Double,
                                    normResidual: Double) -> Double {
        c * epsilon * Double(max(m, n)) * (kappa * normX + kappa * kappa * normResidual / normA)
    }
}
