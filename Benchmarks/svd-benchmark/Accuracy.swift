import SVDCore

/// The accuracy figures reported next to the times, all relative to σ₁ = ‖A‖₂ and all "largest
/// entry" measures (the same definitions as in `peers.py`, so the columns compare).
enum Accuracy {
    /// max |A − U·Σ·Vᵀ|ᵢⱼ / σ₁.
    static func residual(_ a: Matrix<Double>, _ svd: SingularValueDecomposition<Double>) -> Double {
        let difference = a - svd.reconstructed()
        return difference.maxAbsoluteEntry / max(svd.singularValues.first ?? 0, .leastNormalMagnitude)
    }

    /// max(max |UᵀU − I|ᵢⱼ, max |VᵀV − I|ᵢⱼ).
    static func orthogonality(_ svd: SingularValueDecomposition<Double>) -> Double {
        max(gramError(svd.u), gramError(svd.v))
    }

    /// max |QᵀQ − I|ᵢⱼ, with raw-pointer dot products (the n = 1000 case forms 10⁹ products).
    static func gramError(_ q: Matrix<Double>) -> Double {
        let m = q.rows, k = q.columns
        return q.elements.withUnsafeBufferPointer { buffer in
            var worst = 0.0
            for j in 0..<k {
                let y = buffer.baseAddress! + j * m
                for i in 0...j {
                    let x = buffer.baseAddress! + i * m
                    var sum = 0.0
                    for r in 0..<m { sum += x[r] * y[r] }
                    worst = max(worst, abs(sum - (i == j ? 1 : 0)))
                }
            }
            return worst
        }
    }

    /// max over i of |σᵢ − σ̂ᵢ| / σ̂ᵢ: the largest relative error against reference values σ̂.
    static func largestRelativeError(_ values: [Double], reference: [Double]) -> Double {
        zip(values, reference).map { abs($0 - $1) / $1 }.max() ?? 0
    }
}
