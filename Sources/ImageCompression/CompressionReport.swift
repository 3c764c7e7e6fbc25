import LabSupport
import SVDCore

extension CompressionResult {
    /// What was compressed: "gray", "luminance (BT.601)" or "RGB, each channel separately".
    public var modeDescription: String { CompressionSpectrum.modeDescription(mode, channels: image.channels) }

    /// The `--json` object: `decomposer` (its `--decomposer` name), `rows`, `cols`, `channels`, `singularValues` (first channel, at most
    /// 50), `ranks` (objects with `k`, `relativeError`, `eckartYoungError`, `psnr` (null when
    /// infinite), `storedValues` (per channel), `compressionRatio`, then `spectralError` and
    /// `nextSingularValue`), and `target` when --energy or --psnr was given.
    public var json: JSON {
        var members: [(String, JSON)] = [
            ("decomposer", .string(analysis.decomposer.name)),
            ("rows", .number(analysis.rows)),
            ("cols", .number(analysis.columns)),
            ("channels", .number(analysis.channels.count)),
            ("singularValues", .numbers(Array(analysis.decompositions[0].singularValues.prefix(50)))),
            ("ranks", .array(rows.map { row in
                .object([
                    ("k", .number(row.k)),
                    ("relativeError", .number(row.relativeError)),
                    ("eckartYoungError", .number(row.eckartYoungError)),
                    ("psnr", .number(row.psnr)),
                    ("storedValues", .number(row.storedValues)),
                    ("compressionRatio", .number(row.compressionRatio)),
                    ("spectralError", .number(row.spectralError)),
                    ("nextSingularValue", .number(row.nextSingularValue)),
                ])
            })),
        ]
        if let target {
            members.append(("target", .object([
                ("kind", .string(target.kind)), ("value", .number(target.value)),
                ("k", target.rank.map { .number($0) } ?? .null),
            ])))
        }
        return .object(members)
    }

    /// The text report.
    public var report: String {
        let a = analysis
        let m = a.rows, n = a.columns
        var lines = CompressionSpectrum.headerLines(
            source: source, image: image, mode: mode, channelCount: a.channels.count,
            decomposer: a.decomposer, svdSeconds: a.svdSeconds, sigma: a.decompositions[0].singularValues)
        lines.append("")
        lines.append("Eckart–Young: the best rank-k approximation A_k = Σ_{i≤k} σᵢuᵢvᵢᵀ has ‖A − A_k‖_F = √(Σ_{i>k}σᵢ²) "
                     + "and ‖A − A_k‖₂ = σ_{k+1}.")
        lines.append("The measured columns come from the pixels of the reconstruction; the predicted ones from the σᵢ alone.")
        var table = TextTable(headers: ["k", "‖A−A_k‖_F/‖A‖_F", "Eckart–Young", "|difference|",
                                        "‖A−A_k‖₂" + (a.channels.count > 1 ? " (R)" : ""), "σ_{k+1}", "PSNR dB",
                                        "energy", "stored k(m+n+1)", "m·n", "ratio"])
        for row in rows {
            table.append(["\(row.k)", Format.significant(row.relativeError, 10), Format.significant(row.eckartYoungError, 10),
                          Format.scientific(abs(row.relativeError - row.eckartYoungError), 1),
                          Format.significant(row.spectralError, 6), Format.significant(row.nextSingularValue, 6),
                          Format.fixed(row.psnr, 2), Format.fixed(row.capturedEnergy, 5),
                          "\(row.storedValues)\(a.channels.count > 1 ? " ×\(a.channels.count)" : "")",
                          "\(m * n)", Format.fixed(row.compressionRatio, 2) + "×"])
        }
        lines.append(table.rendered())
        lines.append("")
        let worst = rows.map { abs($0.relativeError - $0.eckartYoungError) }.max() ?? 0
        lines.append("Measured and predicted Frobenius errors agree to \(Format.scientific(worst, 1)) "
                     + "(rounding: ε = 2.2e-16 times modest factors): an identity, from orthogonal invariance.")
        lines.append("That A_k is the best of all rank-k matrices (the theorem) is another claim, tested against sampled competitors.")
        lines.append("‖A−A_k‖₂ is measured on A − A_k by randomized subspace iteration (a Ritz value: ≤ the true norm, "
                     + "converging geometrically); it matches σ_{k+1}.")
        lines.append("PSNR = 10·log₁₀(1/MSE) with A_k clipped to [0, 1] as when saved; storage counts k columns of U and V "
                     + "and k singular values\(a.channels.count > 1 ? " per channel" : ""), against m·n pixels; "
                     + "k(m+n+1) < m·n while k < \(Format.fixed(Double(m * n) / Double(m + n + 1), 1)).")
        if let target {
            let what = target.kind == "energy"
                ? "captured energy Σ_{i≤k}σᵢ²/Σσᵢ² ≥ \(Format.significant(target.value, 6))"
                : "PSNR ≥ \(Format.significant(target.value, 6)) dB"
            if let k = target.rank {
                lines.append("Smallest k with \(what): k = \(k) (energy \(Format.fixed(a.capturedEnergy(rank: k), 5)), "
                             + "PSNR \(Format.fixed(a.psnrByRank[k], 2)) dB, ratio \(Format.fixed(a.compressionRatio(rank: k), 2))×).")
            } else {
                lines.append("No k ≤ \(a.maximumRank) reaches \(what): even k = \(a.maximumRank) gives "
                             + "\(Format.fixed(a.psnrByRank[a.maximumRank], 2)) dB.")
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// n written with subscript digits ("₁₀₀"), for σ indices in the report.
func subscriptDigits(_ n: Int) -> String {
    let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
    return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
}
