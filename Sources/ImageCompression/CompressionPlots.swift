import Plotting
import SVDCore

extension CompressionResult {
    /// The figures: original and reconstructions side by side, the spectrum, the captured energy
    /// and the error against k with the Eckart–Young curve.
    public var figures: [Figure] {
        let a = analysis
        let colour = a.channels.count > 1
        var panels = [Panel(title: "original", series: [picture(a.channels)])]
        for (row, reconstruction) in zip(rows, reconstructions) {
            panels.append(Panel(title: "k = \(row.k): PSNR \(String(format: "%.1f", row.psnr)) dB, "
                                    + "\(String(format: "%.1f", row.compressionRatio))× fewer numbers",
                                series: [picture(reconstruction)]))
        }
        let columns = min(3, panels.count)
        let gridRows = (panels.count + columns - 1) / columns
        let grid = Figure(name: "exercise2-\(stem)-reconstructions",
                          title: "Rank-k reconstructions of \(stem)" + (colour ? " (each channel of rank k)" : ""),
                          rows: gridRows, columns: columns, panels: panels)

        let channelNames = colour ? ["red", "green", "blue"] : ["σ_i"]
        let colours = colour ? ["red", "dark-green", "blue"] : [nil]
        let firstChannel = a.decompositions[0].singularValues
        let marked = rows.filter { $0.k < firstChannel.count }
        let spectrum = Figure(name: "exercise2-\(stem)-spectrum", panel: Panel(
            title: "Singular values of \(stem) (\(a.rows)×\(a.columns)); a rank-k reconstruction drops σ_{k+1}, σ_{k+2}, …",
            x: Axis("i", range: 0...Double(a.maximumRank + 1)), y: .log("σ_i"),
            series: a.decompositions.enumerated().map { c, svd in
                .line(svd.singularValues.map { max($0, .leastNormalMagnitude) }, title: channelNames[c], color: colours[c])
            } + [.points(marked.map { Double($0.k + 1) }, marked.map { firstChannel[$0.k] },
                         title: "σ_{k+1} for the reported k" + (colour ? " (red)" : ""), color: "#ff7f0e")]))

        let ks = (1...a.maximumRank).map(Double.init)
        let captured = Panel(
            title: "Captured energy Σ_{i≤k}σ_i^2 / Σσ_i^2", x: .log("rank k"), y: Axis("captured energy", range: 0...1),
            key: .bottomRight,
            series: [.line(ks, (1...a.maximumRank).map { a.capturedEnergy(rank: $0) }, title: "energy")]
                + rows.map { .points([Double($0.k)], [$0.capturedEnergy], title: "k = \($0.k)") })
        // The same information on a log scale, where it stays readable past the first few k: the
        // residual is computed from the tail Σ_{i>k}σ_i^2 (as the Eckart–Young error, squared),
        // not as 1 − captured, which would cancel to rounding noise once it falls below ~1e-13.
        // k = min(m, n) leaves 0, which has no logarithm, so the line stops one rank earlier.
        let residualRanks = Array(1..<a.maximumRank)
        let residual = Panel(
            title: "Residual energy ‖A − A_k‖_F^2 / ‖A‖_F^2 = 1 − Σ_{i≤k}σ_i^2 / Σσ_i^2", x: Axis("rank k"),
            y: .log("residual energy"), key: .topRight,
            series: [.line(residualRanks.map(Double.init), residualRanks.map { a.residualEnergy(rank: $0) }, title: "residual")]
                + rows.filter { $0.k < a.maximumRank }
                    .map { .points([Double($0.k)], [a.residualEnergy(rank: $0.k)], title: "k = \($0.k)") })
        let energy = Figure(name: "exercise2-\(stem)-energy", title: "Energy of \(stem) kept and left out by rank k",
                            rows: 1, columns: 2, panels: [captured, residual])

        let error = Figure(name: "exercise2-\(stem)-error", panel: Panel(
            title: "Relative error ‖A − A_k‖_F / ‖A‖_F", x: .log("rank k"), y: .log("relative error"),
            series: [
                .line(ks, (1...a.maximumRank).map { a.eckartYoungError(rank: $0) }, title: "Eckart–Young √(Σ_{i>k}σ_i^2)/‖A‖_F"),
                .points(rows.map { Double($0.k) }, rows.map(\.relativeError), title: "measured from the pixels"),
            ]))
        // What a rank-k reconstruction leaves out: |A − A_k|, the edges and texture of the tail.
        var residualPanels: [Panel] = []
        for (row, reconstruction) in zip(rows, reconstructions) {
            let left = zip(a.channels, reconstruction).map { original, approximation in
                Matrix<Double>(rows: original.rows, columns: original.columns,
                               columnMajor: zip(original.elements, approximation.elements).map { abs($0 - $1) })
            }
            residualPanels.append(Panel(title: "|A − A_{\(row.k)}|, ‖A − A_{\(row.k)}‖_F/‖A‖_F = "
                                            + String(format: "%.3f", row.relativeError),
                                        series: [.heatMap(gray(left), palette: .sequential)]))
        }
        var figures = [grid, spectrum, energy, error]
        if !residualPanels.isEmpty {
            let residualColumns = min(2, residualPanels.count)
            figures.append(Figure(
                name: "exercise2-\(stem)-residuals",
                title: "What rank k leaves out: |A − A_k| per pixel" + (colour ? " (luminance of the channels' differences)" : ""),
                rows: (residualPanels.count + residualColumns - 1) / residualColumns, columns: residualColumns,
                panels: residualPanels))
        }
        return figures
    }
}

/// The picture to show for a set of channel matrices: gray levels for one channel, a colour
/// picture for three (red, green, blue).
private func picture(_ channels: [Matrix<Double>]) -> Series {
    guard channels.count == 3 else { return .picture(reduced(channels[0].rows, channels[0].columns) { i, j in
        clipped(channels[0], i, j)
    }) }
    let levels = channels.map { channel in
        reduced(channel.rows, channel.columns) { i, j in clipped(channel, i, j) }
    }
    return .colorPicture(red: levels[0], green: levels[1], blue: levels[2])
}

/// The BT.601 luminance of the clipped channels (or the one channel), as rows in [0, 1].
private func gray(_ channels: [Matrix<Double>]) -> [[Double]] {
    reduced(channels[0].rows, channels[0].columns) { i, j in
        channels.count == 3
            ? 0.299 * clipped(channels[0], i, j) + 0.587 * clipped(channels[1], i, j) + 0.114 * clipped(channels[2], i, j)
            : clipped(channels[0], i, j)
    }
}

/// Entry (i, j) of a channel, clipped to [0, 1] as when the image is saved.
private func clipped(_ channel: Matrix<Double>, _ i: Int, _ j: Int) -> Double {
    min(max(channel.elements[i + j * channel.rows], 0), 1)
}

/// The values of an m×n picture as rows, made small enough for a figure.
///
/// The figure's data is written into its gnuplot script as text, so large images are reduced
/// by averaging f×f blocks until neither side exceeds `pictureSide` (a panel of the grid is
/// about that many pixels high anyway) and values are rounded to 3 decimals (finer than the
/// 1/255 steps of an 8-bit image): the script of six 512×512 panels shrinks from 30 MB to 2 MB.
private func reduced(_ m: Int, _ n: Int, _ value: (Int, Int) -> Double) -> [[Double]] {
    let f = (max(m, n) + pictureSide - 1) / pictureSide
    return stride(from: 0, to: m, by: f).map { i0 in
        stride(from: 0, to: n, by: f).map { j0 in
            var sum = 0.0, count = 0
            for i in i0..<min(i0 + f, m) {
                for j in j0..<min(j0 + f, n) { sum += value(i, j); count += 1 }
            }
            return (sum / Double(count) * 1000).rounded() / 1000
        }
    }
}

/// The largest side of a picture in a figure (see `reduced`).
let pictureSide = 256
