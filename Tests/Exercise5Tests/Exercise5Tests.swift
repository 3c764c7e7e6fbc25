import Foundation
import LabSupport
import LowRankLayer
import PropertyBased
import SVDCore
import SVDTestMatrices
import Testing

/// Exercise 5: the randomized SVD, the factored layer and the exercise's JSON.
///
/// Reference numbers come from matrices built with known singular values
/// (`TestMatrices.withSingularValues`, exact up to the rounding of the product) or from the exact
/// one-sided Jacobi SVD; tolerances are c·ε·(dimension)·‖A‖.
@Suite struct Exercise5Tests {
    let epsilon = Double.ulpOfOne

    // MARK: - Randomized SVD

    /// For random shapes, ranks, seeds and q ∈ {0, 1, 2}: the sampled projection P·A satisfies
    /// HMT eq. (1.10) (fails with probability ≤ 6·10⁻¹⁰ at p = 10), the singular values interlace
    /// (σ̂ᵢ ≤ σᵢ) and differ by at most ‖A − PA‖₂ (Weyl), the rank-k result obeys
    /// ‖A − Â_k‖₂ ≤ σ_{k+1} + ‖A − PA‖₂, and ‖A − Â_k‖_F² = ‖A‖_F² − Σσ̂ᵢ² (Pythagoras).
    @Test func randomizedSVDStaysWithinItsErrorBound() async throws {
        let shapes = zip(Gen.int(in: 12...60), Gen.int(in: 12...60), Gen.int(in: 0...1_000_000), Gen.int(in: 0...2))
        await propertyCheck(count: 25, input: shapes) { m, n, seed, q in
            var generator = SeededGenerator(seed: UInt64(seed))
            let p = min(m, n)
            // A spectrum that decays geometrically by a random rate, on top of a flat floor, so
            // that both the decaying and the flat regime are met.
            let rate = 0.5 + 0.45 * Double.random(in: 0..<1, using: &generator)
            let sigma = (0..<p).map { Double.pow(rate, Double($0)) + 1e-3 }
            let a: Matrix<Double> = TestMatrices.withSingularValues(sigma, rows: m, columns: n, using: &generator)
            let k = Int.random(in: 1...max(1, p / 2), using: &generator)
            let method = RandomizedSVD(oversampling: 10, powerIterations: q, seed: UInt64(seed) &+ 1)
            let result = try method.decompose(a, rank: k)
            let exact = try OneSidedJacobi().singularValues(of: a).singularValues
            let rounding = Self.rounding(rows: m, columns: n, frobeniusNorm: a.frobeniusNorm)

            let projectionError = try OneSidedJacobi().singularValues(of: a - result.matrix(rank: result.samples)).norm2
            let bound = method.spectralErrorBoundFactor(rank: k, rows: m, columns: n) * exact[k]
            #expect(projectionError <= bound + rounding)

            for i in 0..<k {
                #expect(result.singularValues[i] <= exact[i] + rounding)
                #expect(abs(result.singularValues[i] - exact[i]) <= projectionError + rounding)
            }
            let truncated = a - result.matrix()
            let truncationError = try OneSidedJacobi().singularValues(of: truncated).norm2
            #expect(truncationError <= exact[k] + projectionError + rounding)
            let pythagoras = a.frobeniusNorm * a.frobeniusNorm - result.singularValues.reduce(0) { $0 + $1 * $1 }
            // Squares: an error δ in a norm ≤ ‖A‖_F moves its square by at most 2·‖A‖_F·δ.
            #expect(abs(truncated.frobeniusNorm * truncated.frobeniusNorm - pythagoras) <= 2 * a.frobeniusNorm * rounding)
        }
    }

    /// The exercise's own check on 300×200: close to the exact truncated SVD, never better than
    /// Eckart–Young allows, and within (1 + C)·σ_{k+1}.
    @Test func randomizedSVDMatchesTheExactTruncatedSVD() throws {
        let weights = SyntheticWeights(rows: 300, columns: 200, signalRank: 150, seed: 11)
        let method = RandomizedSVD()
        let check = try RandomizedSVDCheck.run(weights: weights, rank: 20, using: method)
        let rounding = Self.rounding(rows: 300, columns: 200, frobeniusNorm: scaledNorm(check.exactSingularValues))
        #expect(check.singularValuesInterlace)
        #expect(check.spectralError >= check.optimalSpectralError - rounding)        // Eckart–Young, 2-norm
        #expect(check.frobeniusError >= check.optimalFrobeniusError - rounding)      // Eckart–Young, Frobenius
        #expect(check.spectralError <= (1 + check.boundFactor) * check.optimalSpectralError + rounding)
    }

    /// What two backward-stable computations on an m×n matrix (the core's SVD, and the randomized
    /// method's QR and small SVD) may differ by in a singular value or a norm of the error: each
    /// within Weyl's bound c·ε·d·‖A‖_F of the exact value, d = max(m, n), c = 16 (the contract
    /// suite's constant, argued in Tests/ContractTests/ContractTolerance.swift).
    static func rounding(rows m: Int, columns n: Int, frobeniusNorm: Double) -> Double {
        2 * 16 * Double.ulpOfOne * Double(max(m, n)) * frobeniusNorm
    }

    /// A matrix of exact rank r ≤ ℓ is captured completely: P·A = A to rounding.
    @Test func exactLowRankMatrixIsRecoveredToRounding() throws {
        var generator = SeededGenerator(seed: 5)
        let sigma: [Double] = [5, 3, 2, 1, 0.5]
        let a: Matrix<Double> = TestMatrices.withSingularValues(sigma, rows: 80, columns: 50, using: &generator)
        let result = try RandomizedSVD(oversampling: 5, powerIterations: 1).decompose(a, rank: 5)
        let residual = (a - result.matrix()).frobeniusNorm
        #expect(residual <= 100 * epsilon * 130 * sigma[0])
        for (computed, exact) in zip(result.singularValues, sigma) {
            #expect(abs(computed - exact) <= 100 * epsilon * 130 * sigma[0])
        }
        #expect(result.u.orthogonalityError <= 100 * epsilon * 80)
        #expect(result.v.orthogonalityError <= 100 * epsilon * 50)
    }

    @Test func emptyOrNonFiniteMatricesAreRefused() {
        var a = Matrix<Double>(rows: 4, columns: 3, repeating: 1)
        a[2, 1] = .nan
        #expect(throws: SVDError.nonFiniteEntry(row: 2, column: 1)) { try RandomizedSVD().decompose(a, rank: 1) }
        #expect(throws: SVDError.emptyMatrix) { try RandomizedSVD().decompose(Matrix<Double>(rows: 0, columns: 3), rank: 1) }
    }

    // MARK: - Building blocks

    /// The blocked product equals the textbook one within γ_p·|A|·|B| (entrywise), on shapes that
    /// leave partial 8×4 tiles and partial 256-deep slabs.
    @Test(arguments: [(1, 1, 1), (13, 7, 11), (37, 300, 9), (8, 256, 4), (130, 513, 6), (1, 600, 3)])
    func blockedProductAgreesWithTextbookProduct(shape: (Int, Int, Int)) {
        let (m, p, n) = shape
        var generator = SeededGenerator(seed: UInt64(m * 1000 + p * 10 + n))
        let a: Matrix<Double> = TestMatrices.gaussian(rows: m, columns: p, using: &generator)
        let b: Matrix<Double> = TestMatrices.gaussian(rows: p, columns: n, using: &generator)
        let fast = blockedProduct(a, b)
        let reference = a * b
        let absA = Matrix(rows: m, columns: p, columnMajor: a.elements.map(abs))
        let absB = Matrix(rows: p, columns: n, columnMajor: b.elements.map(abs))
        let magnitude = absA * absB
        for index in fast.elements.indices {
            #expect(abs(fast.elements[index] - reference.elements[index]) <= 2 * Double(p) * epsilon * magnitude.elements[index])
        }
        #expect(blockedTranspose(a) == a.transposed)
    }

    @Test func householderQRIsOrthonormalAndReproducesA() {
        var generator = SeededGenerator(seed: 9)
        let a: Matrix<Double> = TestMatrices.gaussian(rows: 70, columns: 30, using: &generator)
        let qr = HouseholderQR(a)
        let q = qr.thinQ()
        #expect(q.orthogonalityError <= 10 * 70 * epsilon)
        #expect((q * qr.r - a).frobeniusNorm <= 10 * 70 * epsilon * a.frobeniusNorm)
        // R is upper triangular.
        let r = qr.r
        for j in 0..<30 { for i in (j + 1)..<30 { #expect(r[i, j] == 0) } }
    }

    // MARK: - The layer

    @Test func parameterCounts() {
        let layer = FactoredLayer(first: Matrix<Double>(rows: 7, columns: 3), second: Matrix<Double>(rows: 3, columns: 5))
        #expect(layer.rank == 3)
        #expect(layer.parameterCount == 3 * (7 + 5))                 // two factors
        #expect(layer.storedValuesWithSingularValues == 3 * (7 + 5 + 1))
        #expect(DenseLayer(weights: Matrix<Double>(rows: 7, columns: 5)).parameterCount == 35)
    }

    /// With X = I (every basis input once), ‖XW − XAB‖_F/‖XW‖_F is ‖W − W_k‖_F/‖W‖_F exactly, which
    /// Eckart–Young gives from the singular values W was built with.
    @Test(arguments: [1, 3, 10, 25])
    func errorOfOutputsEqualsEckartYoung(k: Int) throws {
        var generator = SeededGenerator(seed: 21)
        let sigma = (1...40).map { 1 / Double($0) }
        let w: Matrix<Double> = TestMatrices.withSingularValues(sigma, rows: 60, columns: 40, using: &generator)
        let svd = try OneSidedJacobi().decompose(w)
        let layer = FactoredLayer(u: svd.u.leadingColumns(k), singularValues: Array(svd.singularValues.prefix(k)),
                                  v: svd.v.leadingColumns(k))
        let dense = DenseLayer(weights: w)
        let x = Matrix<Double>.identity(60)
        let y = dense.apply(x), approximation = try layer.apply(x)
        let measured = (y - approximation).frobeniusNorm / y.frobeniusNorm
        let eckartYoung = scaledNorm(sigma[k...]) / scaledNorm(sigma)
        // Relative to ‖W‖_F, three terms of c·ε·d each (c = 16, d = 60, see `rounding`): the SVD's
        // backward error, its factors' non-orthogonality with the rounding of the products, and
        // W's own σ, which are those it was built with only up to the rounding of that product.
        #expect(abs(measured - eckartYoung) <= 3 * 16 * epsilon * 60)
        // X = I: every entry of X·W is one product by 1 plus zeros, so X·W is W exactly.
        #expect(y == w)
    }

    // MARK: - The exercise

    @Test func jsonHasTheSpecifiedKeys() throws {
        let experiment = LayerExperiment(weights: SyntheticWeights(rows: 64, columns: 64, signalRank: 32, seed: 3),
                                         ranks: [8, 2], batch: 4, repeats: 1)
        let result = try experiment.run()
        let text = result.json.rendered()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["rows"] as? Int == 64)
        #expect(object["cols"] as? Int == 64)
        let ranks = try #require(object["ranks"] as? [[String: Any]])
        #expect(ranks.map { $0["k"] as? Int } == [2, 8])
        for rank in ranks {
            for key in ["k", "parameters", "relativeError", "denseSeconds", "lowRankSeconds"] {
                #expect(rank[key] != nil, "missing \(key)")
            }
            #expect(rank["parameters"] as? Int == (rank["k"] as! Int) * 128)
        }
        #expect(text.hasPrefix("{\"rows\":64,\"cols\":64,\"ranks\":[{\"k\":2,\"parameters\":256,\"relativeError\":"))
        // The errors fall with k and agree with the factor error in size.
        #expect(result.ranks[1].factorError < result.ranks[0].factorError)
        #expect(result.ranks.allSatisfy { $0.relativeError > 0 && $0.relativeError < 1 })
    }

    /// With --noise 0 the report says there is no noise term instead of quoting a
    /// Marchenko–Pastur bulk of width 0; with the default ν it quotes the bulk.
    @Test func reportSaysWhenThereIsNoNoise() throws {
        for (noise, expected, absent) in [(0.0, "no noise term (ν = 0): W has rank r = 32", "Marchenko"),
                                          (0.05, "Marchenko–Pastur bulk up to ν·(1+√c) = 0.1 (ν = 0.05)", "no noise")] {
            let weights = SyntheticWeights(rows: 64, columns: 64, signalRank: 32, noise: noise, seed: 3)
            let result = try LayerExperiment(weights: weights, ranks: [8], batch: 4, repeats: 1).run()
            let report = result.report(check: nil, buildMode: "test")
            #expect(report.contains(expected), "ν = \(noise)")
            #expect(!report.contains(absent), "ν = \(noise)")
        }
    }

    /// --signal-rank beyond min(m, n) is refused with the valid range, not silently clamped.
    @Test func signalRankOutsideTheMatrixIsRejectedWithOneLine() throws {
        try SyntheticWeights.checkSignalRank(2048, rows: 2048, columns: 2048)
        try SyntheticWeights.checkSignalRank(1, rows: 2048, columns: 2048)
        for (r, message) in [(5000, "--signal-rank must be in 1…2048 = min(m, n), got 5000"),
                             (0, "--signal-rank must be in 1…2048 = min(m, n), got 0"),
                             (-3, "--signal-rank must be in 1…2048 = min(m, n), got -3")] {
            do {
                try SyntheticWeights.checkSignalRank(r, rows: 2048, columns: 2048)
                Issue.record("r = \(r) was accepted")
            } catch {
                #expect(error.description == message)
            }
        }
        #expect(throws: UserFacingError.self) { try SyntheticWeights.checkSignalRank(201, rows: 300, columns: 200) }
        // Without --signal-rank a small --size is not an error: r defaults to min(256, n).
        #expect(SyntheticWeights.defaultSignalRank(rows: 2048, columns: 2048) == 256)
        #expect(SyntheticWeights.defaultSignalRank(rows: 100, columns: 100) == 100)
        try SyntheticWeights.checkSignalRank(SyntheticWeights.defaultSignalRank(rows: 100, columns: 100), rows: 100, columns: 100)
    }

    /// With p < 4 HMT eq. (1.10) says nothing, so the report says so instead of printing a
    /// failure probability of 1; with p ≥ 4 it prints the bound and 6·p^{−p}.
    @Test(arguments: [0, 2, 3, 4, 10])
    func reportQuotesTheProbabilisticBoundOnlyWhereItApplies(oversampling p: Int) throws {
        let weights = SyntheticWeights(rows: 60, columns: 40, signalRank: 30, seed: 4)
        let method = RandomizedSVD(oversampling: p, powerIterations: 1, seed: 5)
        let check = try RandomizedSVDCheck.run(weights: weights, rank: 5, using: method)
        let result = try LayerExperiment(weights: weights, ranks: [5], batch: 4, randomizedSVD: method, repeats: 1).run()
        let report = result.report(check: check, buildMode: "test")
        #expect(check.probabilisticBoundApplies == (p >= 4))
        if p < 4 {
            #expect(report.contains("no guarantee: HMT's bound, eq. (1.10), needs oversampling p ≥ 4, here p = \(p)"))
            #expect(!report.contains("probability"))
        } else {
            // 6·p^{−p}: 6/256 = 0.0234… at p = 4, 6·10⁻¹⁰ at p = 10.
            #expect(report.contains("fails with probability ≤ \(p == 4 ? "2e-02" : "6e-10")"))
            #expect(!report.contains("no guarantee"))
        }
    }

    @Test func rankListRejectsBadRanksWithOneLine() {
        #expect((try? RankList.parse("10, 50,10", limit: 64)) == [10, 50])
        for (text, message) in [("0", "--ranks: rank 0 is outside 1…64 = min(m, n)"),
                                ("65", "--ranks: rank 65 is outside 1…64 = min(m, n)"),
                                ("3,x", "--ranks: 'x' is not a whole number (expected e.g. 1,5,20,50)"),
                                ("", "--ranks: '' is not a whole number (expected e.g. 1,5,20,50)")] {
            do {
                _ = try RankList.parse(text, limit: 64)
                Issue.record("'\(text)' was accepted")
            } catch {
                #expect("\(error)" == message)
                #expect(!"\(error)".contains("\n"))
            }
        }
    }
}
