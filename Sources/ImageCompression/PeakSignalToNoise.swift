import RealModule

/// Peak signal-to-noise ratio: PSNR = 10·log₁₀(peak² / MSE) in decibels, here with peak = 1
/// (pixel values in [0, 1]) and MSE the mean of (aᵢⱼ − âᵢⱼ)² over every pixel of every channel.
///
/// The reconstruction is clipped to [0, 1] first, as it would be when saved as an image; since
/// the original lies in [0, 1], clipping moves every value towards it and can only raise the
/// PSNR. Each halving of the root-mean-square error adds 20·log₁₀2 ≈ 6.02 dB; 30 dB means an rms
/// error of 1/√1000 ≈ 3.2% of the full range, 40 dB 1%. An exact copy has MSE = 0 and PSNR = +∞.
public enum PeakSignalToNoise {
    /// 10·log₁₀(1/mse); +∞ for mse = 0.
    public static func decibels(meanSquaredError mse: Double) -> Double {
        precondition(mse >= 0, "A mean squared error cannot be negative, got \(mse)")
        return mse == 0 ? .infinity : -10 * Double.log10(mse)
    }

    /// The PSNR of `reconstruction` (clipped to [0, 1]) against `original`, both of the same
    /// length, entries of `original` in [0, 1].
    public static func decibels(original: [Double], reconstruction: [Double]) -> Double {
        precondition(original.count == reconstruction.count && !original.isEmpty, "Sizes differ or are zero")
        var sum = 0.0
        for i in original.indices {
            let d = original[i] - min(max(reconstruction[i], 0), 1)
            sum += d * d
        }
        return decibels(meanSquaredError: sum / Double(original.count))
    }
}
