import LabGrading

/// A known mistake put into the solutions, to prove the grader catches it where it should.
struct SeededFault {
    let name: String
    let task: String
    /// The line of the solution to change, and what it becomes.
    let original: String
    let replacement: String
    /// The tests of `task` that must still pass, and those that must fail.
    let passing: [String]
    let failing: [String]

    static let all: [SeededFault] = [
        SeededFault(name: "absolute stopping test", task: "C2",
                    original: "if cosine <= tolerance { continue }",
                    replacement: "if abs(gamma) <= tolerance * g.frobeniusNorm * g.frobeniusNorm { continue }",
                    passing: ["C2.one-sweep", "C2.converges"], failing: ["C2.graded"]),
        SeededFault(name: "no scaling before the column sums", task: "E1.1",
                    original: "let power = largest > 0 ? Double(sign: .plus, exponent: largest.exponent, significand: 1) : 1",
                    replacement: "let power = largest > 0 ? 1.0 : 1.0",
                    passing: ["E1.1.column-means"], failing: ["E1.1.constant-and-huge"]),
        SeededFault(name: "ratios from σᵢ² themselves", task: "E1.2",
                    original: "let relative = sigma.map { $0 / sigma[0] }",
                    replacement: "let relative = sigma",
                    passing: ["E1.2.variances"], failing: ["E1.2.ratios-no-overflow"]),
        // A property check without the order test misses one fault of six: per-case credit, 5/6.
        SeededFault(name: "no order test in the property check", task: "T1",
                    original: "if !zip(sigma, sigma.dropFirst()).allSatisfy({ $0 >= $1 }) {",
                    replacement: "if false {",
                    passing: [], failing: ["T1.catches-faults"]),
        SeededFault(name: "Tikhonov with α² for α", task: "E4.3",
                    original: "let denominator = sigma * sigma + alpha",
                    replacement: "let denominator = sigma * sigma + alpha * alpha",
                    passing: ["E4.3.zero-alpha"], failing: ["E4.3.stacked"]),
    ]

    func apply(to bodies: [String: [String]]) -> [String: [String]] {
        var bodies = bodies
        bodies[task] = bodies[task]?.map { $0.replacingOccurrences(of: original, with: replacement) }
        return bodies
    }

    /// Nil when the grade is what the fault should give: the task partial, the named tests passing
    /// and failing, and each failure's feedback naming the property, the input and the replay seed.
    func verify(_ report: GradeReport) -> String? {
        guard let result = report.tasks.first(where: { $0.id == task }) else { return "\(task) was not graded" }
        guard result.status == .partial else { return "\(task) should be partial, is \(result.status.rawValue)" }
        for name in passing where result.tests.first(where: { $0.name == name })?.passed != true {
            return "\(name) should pass"
        }
        for name in failing {
            guard let failure = result.tests.first(where: { $0.name == name })?.outcome?.failure else { return "\(name) should fail" }
            let feedback = result.feedback
            guard feedback.contains(failure.property), feedback.contains("matrix:"), feedback.contains("--replay \(failure.seed)")
            else { return "\(name)'s feedback should name the property, the matrix and the replay seed" }
        }
        return nil
    }

    func summary(_ report: GradeReport) -> String {
        guard let result = report.tasks.first(where: { $0.id == task }) else { return "" }
        let passes = passing.isEmpty ? "" : "\(passing.joined(separator: ", ")) pass, "
        return "\(task) \(result.status.rawValue) \(ReportFormat.points(result.points))/\(result.maxPoints): "
            + passes + "\(failing.joined(separator: ", ")) fails"
    }
}
