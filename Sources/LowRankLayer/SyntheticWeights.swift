import LabSupport
import RealModule
import SVDCore
import SVDTestMatrices

/// A stand-in for a trained weight matrix, with a spectrum that is stated rather than hoped for.
///
/// Trained weight matrices of large networks have a few large singular values decaying roughly as
/// a power law, on top of a bulk that looks like the spectrum of a random matrix (Martin &
/// Mahoney, *Implicit self-regularization in deep neural networks*, JMLR 22, 2021). This type
/// builds exactly that, seeded, as
///
///     W = U·diag(s)·Vᵀ + N,     sᵢ = i^(−α) for i = 1 … r   (so s₁ = 1),
///
/// - U (m×r) and V (n×r): Haar-random orthonormal columns, the Q factors (Householder QR) of
///   Gaussian matrices. Only r columns are drawn, not m or n: building Haar-random 4096×4096
///   orthogonal factors would cost O(n³), more than everything else together;
/// - N: independent N(0, ν²/max(m, n)) entries. By the Marchenko–Pastur law its singular values
///   fill [ν·(1 − √c), ν·(1 + √c)], c = min(m, n)/max(m, n) (a quarter circle on [0, 2ν] when
///   m = n), and ‖N‖_F² ≈ ν²·min(m, n). The default ν = s_r/2 puts the top of this bulk next to
///   the last power-law value, so the spectrum continues smoothly into the noise.
///
/// Because N is independent of the signal, the singular values of W are not exactly the sᵢ: a
/// value s > ν moves to about s + ν²/s for m = n (Benaych-Georges & Nadakuditi, J. Multivariate
/// Anal. 111, 2012): a relative change ν²/s², negligible for the leading values and 25% at
/// s_r = 2ν. The exercise therefore measures errors from the computed W, never from the sᵢ.
public struct SyntheticWeights: Sendable, Equatable {
    /// m, the input dimension (rows of W, since y = x·W with x a row).
    public var rows: Int
    /// n, the output dimension.
    public var columns: Int
    /// r, the number of power-law singular values (at most min(m, n)).
    public var signalRank: Int
    /// α in sᵢ = i^(−α).
    public var decay: Double
    /// ν, the scale of the noise (its singular values reach ν·(1 + √c)); nil for s_r/2.
    public var noise: Double?
    /// The seed of every random draw.
    public var seed: UInt64

    public init(rows: Int, columns: Int, signalRank: Int = 256, decay: Double = 1, noise: Double? = nil,
                seed: UInt64 = 2025) {
        precondition(rows >= 1 && columns >= 1, "W needs at least one row and column")
        self.rows = rows
        self.columns = columns
        self.signalRank = min(signalRank, min(rows, columns))
        self.decay = decay
        self.noise = noise
        self.seed = seed
    }

    /// The r used when none is asked for: 256 power-law values, or min(m, n) if that is smaller.
    public static func defaultSignalRank(rows: Int, columns: Int) -> Int {
        min(256, min(rows, columns))
    }

    /// Checks a requested r for an m×n matrix: it must be in 1…min(m, n), because U·diag(s)·Vᵀ
    /// has at most min(m, n) orthonormal columns. (`init` clamps instead; the command-line tool
    /// refuses, so that the report never describes a different W than the one asked for.)
    ///
    /// - Throws: `UserFacingError` with one line naming the valid range.
    public static func checkSignalRank(_ r: Int, rows: Int, columns: Int) throws(UserFacingError) {
        let limit = min(rows, columns)
        guard r >= 1 && r <= limit else {
            throw UserFacingError("--signal-rank must be in 1…\(limit) = min(m, n), got \(r)")
        }
    }

    /// s₁ … s_r.
    public var signalSingularValues: [Double] {
        (1...signalRank).map { Double.pow(Double($0), -decay) }
    }

    /// ν (resolving the default s_r/2).
    public var noiseLevel: Double {
        noise ?? signalSingularValues.last! / 2
    }

    /// The upper edge ν·(1 + √c) of the noise spectrum (Marchenko–Pastur).
    public var noiseEdge: Double {
        let c = Double(min(rows, columns)) / Double(max(rows, columns))
        return noiseLevel * (1 + c.squareRoot())
    }

    /// W, in Double.
    public func matrix() -> Matrix<Double> {
        var generator = SeededGenerator(seed: seed)
        let r = signalRank
        let gaussianU: Matrix<Double> = TestMatrices.gaussian(rows: rows, columns: r, using: &generator)
        let gaussianV: Matrix<Double> = TestMatrices.gaussian(rows: columns, columns: r, using: &generator)
        let u = HouseholderQR(gaussianU).thinQ()
        let v = HouseholderQR(gaussianV).thinQ()
        var w = blockedProduct(u.scalingColumns(by: signalSingularValues), blockedTranspose(v))
        let nu = noiseLevel
        if nu > 0 {
            let scale = nu / Double(max(rows, columns)).squareRoot()
            w.elements.withUnsafeMutableBufferPointer { entries in
                for index in entries.indices { entries[index] += scale * generator.nextGaussian() }
            }
        }
        return w
    }
}
