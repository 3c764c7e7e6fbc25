import Testing
@testable import LeastSquaresLab
import SVDCore

extension Exercise3Tests {
    /// NIST grades a solver by the minimum LRE over the coefficients. The goals are the issue's
    /// requirements (numpy's lstsq reaches 0.0 on Filip, 5.8 on Wampler5); they are not to be
    /// lowered.
    @Suite struct AccuracyGoals {
        @Test(arguments: ReferenceDatasets.names)
        func reachesGoal(_ name: String) throws {
            let goal = try #require(ReferenceDatasets.accuracyGoals[name])
            let graded = try GradedFit(try ReferenceDatasets.load(name))
            let lre = try #require(graded.minimumLRE)
            #expect(lre >= goal, "\(name): min LRE \(lre) below the goal \(goal)")
            // The residual SD (certified to 15 digits; 0 for Wampler1 and 2, graded absolutely)
            // meets the same goal.
            let sdLRE = try #require(graded.residualSDLRE)
            #expect(sdLRE >= goal, "\(name): residual SD LRE \(sdLRE)")
        }

        /// Why double-double, not Float80, is the default (see `ResidualArithmetic`): with
        /// Float80 residuals refinement stalls at about u·‖b‖/σₙ, which meets the goals everywhere
        /// except on the two sets with the largest responses, Wampler4 and Wampler5.
        @Test(.enabled(if: float80IsAvailable, "needs Float80, which this platform or build (SVDLAB_NO_FLOAT80=1) does not have"), arguments: ReferenceDatasets.names)
        func float80ResidualsFallShortOnlyOnWampler4And5(_ name: String) throws {
            #if (arch(x86_64) || arch(i386)) && !SVDLAB_NO_FLOAT80
            let data = try ReferenceDatasets.load(name)
            let fit = try RefinedLeastSquares().fit(data, arithmetic: Float80.self)
            let lre = LogRelativeError.of(fit.coefficients, certified: try #require(data.certified)).min()!
            let goal = ReferenceDatasets.accuracyGoals[name]!
            if name == "Wampler4" || name == "Wampler5" {
                #expect(lre < goal, "\(name): Float80 now reaches \(lre); revisit the default arithmetic")
            } else {
                #expect(lre >= goal, "\(name): \(lre) with Float80 residuals")
            }
            #endif
        }

        /// Refinement with residuals in Double cannot recover what the residual has lost: on
        /// Wampler5 it stays far below the goal. (Shows that the extended residual is the lever.)
        @Test func refinementNeedsExtendedResiduals() throws {
            let data = try ReferenceDatasets.load("Wampler5")
            let fit = try RefinedLeastSquares().fit(data, residuals: .double)
            let lre = LogRelativeError.of(fit.coefficients, certified: data.certified!).min()!
            #expect(lre < ReferenceDatasets.accuracyGoals["Wampler5"]!)
        }

        @Test func logRelativeErrorConvention() {
            #expect(LogRelativeError.of(1.0, certified: 1.0) == 15)                 // exact: capped
            #expect(LogRelativeError.of(1.0 + 1e-10, certified: 1.0, digits: 15) > 9.99)
            #expect(LogRelativeError.of(1.0 + 1e-10, certified: 1.0, digits: 15) < 10.01)
            #expect(LogRelativeError.of(3.0, certified: 1.0) == 0)                  // floored
            #expect(LogRelativeError.of(.nan, certified: 1.0) == 0)
            #expect(LogRelativeError.of(1e-7, certified: 0) == 7)                   // absolute for 0
        }
    }
}
