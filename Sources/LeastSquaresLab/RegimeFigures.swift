import Foundation
import Plotting
import SVDCore

/// The pictures of the three regimes of the default run: digits lost against κ, the family of
/// solutions of an underdetermined system, and the cut-off of a rank-deficient one.
public enum RegimeFigures {
    /// `exercise3-digits-lost`, `exercise3-minimum-norm`, `exercise3-cutoff`.
    public static func figures(small: DigitsLostStudy, large: DigitsLostStudy,
                               underdetermined: UnderdeterminedRegime,
                               rankDeficient: RankDeficientRegime) -> [Figure] {
        [digitsLost(small: small, large: large), minimumNorm(underdetermined), cutoff(rankDeficient)]
    }

    /// Two panels, ‖r‖ small and ‖r‖ large: the digits each method lost, with the ε·κ and ε·κ²
    /// rules and the backward-stable bound ε·κ + ε·κ²‖r‖/(‖A‖‖x‖) drawn through them.
    static func digitsLost(small: DigitsLostStudy, large: DigitsLostStudy) -> Figure {
        func panel(_ study: DigitsLostStudy) -> Panel {
            let kappa = study.points.map(\.conditionNumber)
            let ceiling = DigitsLostStudy.digitsLost(relativeError: 1)
            let normal = study.points.compactMap { p in p.normalEquationsDigitsLost.map { (p.conditionNumber, $0) } }
            return Panel(
                title: "‖r‖ = \(FitFigures.compact(study.residualSize)) (‖A‖ = 1, ‖x‖ ≈ 2)",
                x: .log("κ_2(A)"), y: Axis("digits lost, log_{10}(error / ε)", range: 0...17), key: .bottomRight,
                series: [
                    .line(kappa, kappa.map { min(log10($0), ceiling) }, title: "ε·κ rule", color: "#1f77b4", lineWidth: 1),
                    .line(kappa, kappa.map { min(2 * log10($0), ceiling) }, title: "ε·κ^2 rule", color: "#d62728", lineWidth: 1),
                    .line(kappa, study.points.map(\.boundDigitsLost),
                          title: "ε·κ + ε·κ^2‖r‖/(‖A‖‖x‖)", color: "#2ca02c", lineWidth: 3),
                    .points(kappa, study.points.map(\.svdDigitsLost), title: "x = A^+b (SVD)", color: "#1f77b4"),
                    .points(normal.map(\.0), normal.map(\.1), title: "A^TAx = A^Tb (Cholesky)", color: "#d62728"),
                ])
        }
        return Figure(name: "exercise3-digits-lost",
                      title: "Least squares: digits lost against κ, with a small and a large residual",
                      rows: 1, columns: 2, size: PixelSize(width: 1200, height: 520),
                      panels: [panel(small), panel(large)])
    }

    /// ‖x⁺ + N·c‖ against ‖c‖: every other exact solution is longer, on the curve √(‖x⁺‖² + ‖c‖²).
    static func minimumNorm(_ regime: UnderdeterminedRegime) -> Figure {
        let x0 = scaledNorm(regime.minimumNormSolution)
        let shifts = regime.family.map(\.shift)
        let grid = (0...60).map { Double($0) / 20 }
        return Figure(name: "exercise3-minimum-norm", panel: Panel(
            title: "\(regime.rows)×\(regime.columns): every solution x^+ + N·c of Ax = b, and its length",
            x: Axis("‖c‖ (N: orthonormal basis of null(A), dimension \(regime.nullSpaceDimension))"),
            y: Axis("‖x‖"), key: .topLeft,
            series: [
                .line(grid, grid.map { ($0 * $0 + x0 * x0).squareRoot() }, title: "√(‖x^+‖^2 + ‖c‖^2)", color: "gray"),
                .points(shifts, regime.family.map(\.norm), title: "x^+ + N·c, c in a random direction", color: "#1f77b4"),
                .points([0], [x0], title: "x^+ = A^+b, the shortest", color: "#d62728"),
            ]))
    }

    /// ‖x‖, ‖Ax − b‖ and the error from the noise-free solution against the cut-off τ, with the
    /// singular values marked on the τ axis: each σᵢ passed drops one direction.
    static func cutoff(_ regime: RankDeficientRegime) -> Figure {
        let sweep = regime.cutoffSweep
        let tau = sweep.map(\.tau)
        let bottom = sweep.map { min($0.errorFromNoiseFree, $0.residualNorm) }.filter { $0 > 0 }.min() ?? 1e-12
        let marks = regime.singularValues
        let gap = regime.cutoffs.last
        var series: [Series] = [
            .line(tau, sweep.map(\.solutionNorm), title: "‖x_τ‖", color: "#1f77b4"),
            .line(tau, sweep.map(\.residualNorm), title: "‖Ax_τ − b‖", color: "#2ca02c"),
            .line(tau, sweep.map(\.errorFromNoiseFree), title: "‖x_τ − A_0^+b‖ / ‖A_0^+b‖", color: "#d62728"),
            .points(marks, marks.map { _ in bottom / 3 }, title: "σ_i of A", color: "black"),
        ]
        if let gap {
            series.append(.points([gap.tau], [gap.errorFromNoiseFree], title: "τ = √η·σ_1, at the gap", color: "#ff7f0e"))
        }
        return Figure(name: "exercise3-cutoff", size: PixelSize(width: 1000, height: 560), panel: Panel(
            title: "Truncated SVD x_τ (keeps σ_i > τ) of A = A_0 + E, rank(A_0) = \(regime.trueRank), "
                + "‖E‖/‖A_0‖ = \(FitFigures.compact(regime.noiseLevel))",
            x: .log("cut-off τ"), y: .log(), key: .topRight, series: series))
    }
}

extension RegimeFigures {
    /// Two panels, the input space ℝ² with row(A) and null(A), the output space ℝ² with col(A)
    /// and null(Aᵀ): where x⁺, its null-space shifts, A·x⁺, b and r lie.
    public static func fourSubspaces(_ picture: FourSubspacesPicture) -> Figure {
        let s = picture.subspaces
        let reach = 3.2
        // Many points along the line, not just its two ends: gnuplot leaves out a segment whose
        // two ends both lie outside the axes' ranges.
        func line(through direction: Matrix<Double>, title: String, color: String) -> Series {
            let d = direction.column(0)
            let t = (-40...40).map { reach * Double($0) / 40 }
            return .line(t.map { $0 * d[0] }, t.map { $0 * d[1] }, title: title, color: color)
        }
        let x = picture.minimumNormSolution
        let n = s.nullSpace.column(0)
        let shifts = stride(from: -1.5, through: 1.5, by: 0.5).map { t in (x[0] + t * n[0], x[1] + t * n[1]) }
        let input = Panel(
            title: "input space ℝ^2: row(A) ⟂ null(A)", x: Axis("x_1", range: -2...2), y: Axis("x_2", range: -2...2),
            key: .bottomRight, aspect: .equal,
            series: [
                line(through: s.rowSpace, title: "row(A), dim r = \(s.rank)", color: "#1f77b4"),
                line(through: s.nullSpace, title: "null(A), dim n − r = \(s.nullSpace.columns)", color: "#d62728"),
                .points(shifts.map(\.0), shifts.map(\.1), title: "x^+ + z, z in null(A): all give A·x^+", color: "gray"),
                .arrows([Arrow(from: (0, 0), to: (x[0], x[1]), label: "x^+ = A^+b")], color: "black"),
            ])
        let b = picture.rightHandSide, p = picture.projection
        let output = Panel(
            title: "output space ℝ^2: col(A) ⟂ null(A^T)", x: Axis("y_1", range: -1...4), y: Axis("y_2", range: -1.5...3.5),
            key: .bottomRight, aspect: .equal,
            notes: [Note("r = b − A·x^+", at: (p[0] + b[0]) / 2 + 0.35, (p[1] + b[1]) / 2)],
            series: [
                line(through: s.columnSpace, title: "col(A), dim r = \(s.rank)", color: "#1f77b4"),
                line(through: s.leftNullSpace, title: "null(A^T), dim m − r = \(s.leftNullSpace.columns)", color: "#d62728"),
                .arrows([Arrow(from: (0, 0), to: (b[0], b[1]), label: "b"),
                         Arrow(from: (0, 0), to: (p[0], p[1]), label: "A·x^+")], color: "black"),
                .arrows([Arrow(from: (p[0], p[1]), to: (b[0], b[1]))], color: "#d62728"),
            ])
        return Figure(name: "exercise3-four-subspaces",
                      title: "The four fundamental subspaces of A = [2 1; 4 2] (rank 1), and least squares in them",
                      rows: 1, columns: 2, size: PixelSize(width: 1200, height: 600), panels: [input, output])
    }
}
