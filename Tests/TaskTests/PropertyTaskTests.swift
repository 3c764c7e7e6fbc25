import LabGrading
import PropertyChecks
import SVDCore
import Testing

/// Task T1's grading material: the faulty decomposers are faulty where the feedback says, and the
/// reference property check tells them from the correct decomposer.
@Suite struct PropertyTaskTests {
    @Test(arguments: FaultyDecomposer.all.indices)
    func theReferenceCheckCatchesTheFaultOnTheMatrixItNames(_ index: Int) throws {
        let fault = FaultyDecomposer.all[index]
        let (a, kind, vectors) = PropertyTaskChecks.exposing(index)
        let faulty = try fault.decompose(a, vectors)
        let problems = try checkDecomposition(a, faulty, vectors: vectors)
        #expect(!problems.isEmpty, "\(fault.name) on \(kind)")
        let correct = try OneSidedJacobi().decompose(a, vectors: vectors)
        #expect(try checkDecomposition(a, correct, vectors: vectors).isEmpty, "the correct decomposer on \(kind)")
    }

    /// Each fault breaks exactly the property the guide says, measured here independently of the
    /// reference check: the plain Jacobi behind two of the faults is itself correct with the
    /// relative test and the scaling, so what they break is the fault alone.
    @Test func eachFaultBreaksItsProperty() throws {
        let matrices = PropertyTaskChecks.fixedMatrices
        func decomposition(_ index: Int, _ matrix: Int, _ vectors: SingularVectors = .thin) throws -> SingularValueDecomposition<Double> {
            try FaultyDecomposer.all[index].decompose(matrices[matrix].matrix, vectors)
        }
        // The AᵀA route on κ = 1e10: U far from orthonormal.
        #expect(try decomposition(0, 3).u.orthogonalityError > 1e-6)
        // The absolute test on the graded matrix: its small columns are left non-orthogonal.
        #expect(try decomposition(1, 2).u.orthogonalityError > 1e-6)
        // No scaling near 1e300: σ not finite; near 1e-301: every σ is 0.
        #expect(try decomposition(2, 5).singularValues.contains { !$0.isFinite })
        #expect(try decomposition(2, 6).singularValues.allSatisfy { $0 == 0 })
        // Unsorted: increasing σ.
        let unsorted = try decomposition(3, 0).singularValues
        #expect(unsorted == unsorted.sorted())
        #expect(unsorted.first! < unsorted.last!)
        // Vᵀ: the thin SVD of the wide matrix has the shape of Vᵀ.
        let wide = try decomposition(4, 1)
        #expect(wide.v.rows == 2 && wide.v.columns == 4)
        // U not completed: the full SVD of a tall matrix has a zero last column of U.
        let full = try decomposition(5, 0, .full)
        #expect(full.u.column(3).allSatisfy { $0 == 0 })
    }

    /// Without an order test the check misses exactly the unsorted fault: the per-case credit the
    /// lab-admin validation also shows on the student tree.
    @Test func withoutTheOrderTestOnlyUnsortedSlipsThrough() throws {
        let index = try #require(FaultyDecomposer.all.firstIndex { $0.name == "unsorted σ" })
        let (a, _, vectors) = PropertyTaskChecks.exposing(index)
        let problems = try checkDecomposition(a, try FaultyDecomposer.all[index].decompose(a, vectors), vectors: vectors)
        #expect(problems.count == 1 && problems[0].contains("decreasing order"), "\(problems)")
    }
}
