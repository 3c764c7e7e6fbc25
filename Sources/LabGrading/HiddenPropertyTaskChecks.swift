// INSTRUCTOR ONLY
/// The hidden tier of task T1: the same six faults on the fixed matrices and 40 random ones drawn
/// fresh at every grading (the seed is printed with any failure).
enum HiddenPropertyTaskChecks {
    static var all: [Check] { [PropertyTaskChecks.faultCheck("T1.hidden-fresh-matrices", randomMatrices: 40)] }
}
