import RealModule
import SVDFoundation

/// # Householder reflectors: the kernel of `HouseholderQR`
///
/// A reflector H = I − τ·v·vᵀ with τ = 2/(vᵀv) is symmetric and orthogonal: it mirrors every
/// vector in the hyperplane orthogonal to v. For a column x ≠ 0 of length ℓ there is one that
/// maps x onto a multiple of the first unit vector, H·x = β·e₁ with |β| = ‖x‖₂:
///
///     v = x − β·e₁,   β = −sign(x₁)·‖x‖₂,   scaled so that v₁ = 1:
///     v = (x − β·e₁)/(x₁ − β),   τ = (β − x₁)/β   (1 ≤ τ ≤ 2).
///
/// **The sign.** Either sign of β gives a reflector; the one opposite to x₁ makes x₁ − β a sum of
/// two numbers of the same sign, |x₁| + ‖x‖, so it never cancels. The other choice loses all
/// digits of v₁ when x is nearly parallel to e₁, and with them the orthogonality of H
/// (Golub and Van Loan, *Matrix Computations*, 4th ed., §5.1.3). Dividing by x₁ − β also bounds
/// every |vᵢ| ≤ 1, so applying H can overflow only where y itself nearly does.
///
/// **Storage.** v₁ = 1 need not be stored: v₂, …, v_ℓ overwrite the entries of x that H turns into
/// zeros and β takes the place of x₁ — LAPACK's compact form (`dlarfg`). When x is already
/// (x₁, 0, …, 0), H = I and τ = 0 (LAPACK's convention: x₁ keeps its sign).
///
/// **Application.** H·y = y − τ·(vᵀy)·v costs 4ℓ flops and never forms H. The computed result is
/// (H + ΔH)·y with ‖ΔH‖_F ≤ c·ℓ·ε, H the exact reflector that maps x onto β·e₁ (Higham,
/// *Accuracy and Stability of Numerical Algorithms*, 2nd ed., Lemmas 19.1–19.2): each step is an
/// exactly orthogonal map plus a small relative error, which is what makes a product of reflectors
/// backward stable.

/// Turns the column x (length `count`, at least 1) into the compact reflector that maps it onto
/// β·e₁: x₁ ← β, x₂…x_ℓ ← v₂…v_ℓ. Returns τ (0 when H = I).
@inline(__always)
func makeHouseholderReflector<Scalar: SVDScalar>(overwriting x: UnsafeMutablePointer<Scalar>,
                                                 count: Int) -> Scalar {
    guard count > 1 else { return 0 }
    var tailNorm = safeColumnNorm(x + 1, count: count - 1)
    if tailNorm == 0 { return 0 }
    var x1 = x[0]
    // β = −sign(x₁)·‖x‖: the sign that avoids cancellation in x₁ − β.
    var beta = x1 >= 0 ? -Scalar.hypot(x1, tailNorm) : Scalar.hypot(x1, tailNorm)
    // A column below λ/ε (λ the smallest normal number) has entries below the normal range,
    // where v₁ = x₁ − β and the quotients xᵢ/v₁ would keep only a few bits and H would not be
    // orthogonal (met in `Float` by the QR of a rank-deficient matrix, whose trailing columns
    // shrink by ε at each step). As LAPACK's `dlarfg` does, the column is scaled up by a power
    // of two first (exactly); v and τ do not depend on the scale, and β is scaled back.
    var shift = 0
    if abs(beta) < Scalar.leastNormalMagnitude / Scalar.ulpOfOne {
        shift = -Int(abs(beta).exponent)
        for i in 0..<count { x[i] = x[i].timesPowerOfTwo(shift) }
        tailNorm = safeColumnNorm(x + 1, count: count - 1)
        x1 = x[0]
        beta = x1 >= 0 ? -Scalar.hypot(x1, tailNorm) : Scalar.hypot(x1, tailNorm)
    }
    let inverseV1 = 1 / (x1 - beta)
    for i in 1..<count { x[i] *= inverseV1 }
    x[0] = shift == 0 ? beta : beta.timesPowerOfTwo(-shift)
    return (beta - x1) / beta
}

/// y ← H·y = y − τ·(vᵀy)·v for H = I − τ·v·vᵀ in compact form: `v` points at the reflector's
/// column, whose first entry stands for v₁ = 1 (it holds β, and is not read).
@inline(__always)
func applyHouseholderReflector<Scalar: SVDScalar>(tau: Scalar, v: UnsafeMutablePointer<Scalar>,
                                                  to y: UnsafeMutablePointer<Scalar>, count: Int) {
    guard tau != 0 else { return }
    let tail = count - 1
    let w = tau * (y[0] + (tail > 0 ? dotProduct(v + 1, y + 1, count: tail) : 0))
    y[0] -= w
    subtractMultiple(w, of: v + 1, from: y + 1, count: tail)
}

/// ‖x‖₂ of a column of length `count`, without spurious overflow or underflow.
///
/// The fast path is the plain (vectorized) sum of squares, accurate to about count·ε relative.
/// It can fail in two ways: a square overflows (the sum is not finite), or squares fall below the
/// normal range, where each is rounded with an absolute error up to ε·leastNormal/2 instead of a
/// relative one. A finite sum s ≥ leastNormal/ε is safe from both: the underflowed squares then
/// add at most count·ε·leastNormal/2 ≤ count·ε²·s/2 to it. Otherwise (rare: entries beyond about
/// 10^±150 in Double) the norm is recomputed by `scaledNorm`, which divides by the largest |xᵢ|
/// first, at the price of a second pass and a division per entry.
@inline(__always)
func safeColumnNorm<Scalar: SVDScalar>(_ x: UnsafeMutablePointer<Scalar>, count: Int) -> Scalar {
    let squares = sumOfSquares(x, count: count)
    if squares.isFinite && squares >= Scalar.leastNormalMagnitude / Scalar.ulpOfOne {
        return squares.squareRoot()
    }
    return scaledNorm(UnsafeBufferPointer(start: x, count: count))
}
