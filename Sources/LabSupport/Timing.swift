/// Measuring how long something takes: the median of repeated runs, which is robust against the
/// occasional run slowed down by the rest of the machine.
public enum Timing {
    /// Runs `body` `repeats` times and returns the median wall-clock time in seconds, together
    /// with the last result.
    ///
    /// - Parameters:
    ///   - repeats: the number of runs, at least 1.
    ///   - body: the work timed.
    /// - Returns: the median time in seconds and what the last run returned.
    /// - Throws: what `body` throws.
    public static func median<R>(repeats: Int, _ body: () throws -> R) rethrows -> (seconds: Double, result: R) {
        precondition(repeats > 0, "repeats must be positive")
        var times: [Double] = []
        var result: R? = nil
        let clock = ContinuousClock()
        for _ in 0..<repeats {
            let start = clock.now
            result = try body()
            let elapsed = clock.now - start
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        times.sort()
        let middle = times.count / 2
        let median = times.count % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2
        return (median, result!)
    }
}
