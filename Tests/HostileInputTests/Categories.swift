import Foundation
import LabImages

/// The hostile cases, by category. Files are built here, so the cases need no fixtures.
enum Categories {
    typealias Case = HostileInputTests.Case

    static var all: [Case] {
        traps + unboundedWork + shellCommands + nonRegularFiles + edgesOfDouble + textFormats
            + degenerateData + outputErrors + misleadingMessages
    }

    static let exercises = ["exercise0", "exercise1", "exercise2", "exercise3", "exercise4", "exercise5"]

    // MARK: - Files

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// A gray PNG of `width`×`height` pixels, all `value`.
    static func png(width: Int, height: Int, value: UInt8 = 0) -> [UInt8] {
        let image = try! RasterImage(width: width, height: height, channels: 1,
                                     pixels: [UInt8](repeating: value, count: width * height))
        return try! image.encoded(as: .png)
    }

    /// A CSV with a header and `rows` rows of `columns` numbers.
    static func wideCSV(rows: Int, columns: Int) -> [UInt8] {
        var text = (0..<columns).map { "c\($0)" }.joined(separator: ",") + "\n"
        for i in 0..<rows { text += (0..<columns).map { "\(($0 * 7 + i * 3) % 11)" }.joined(separator: ",") + "\n" }
        return bytes(text)
    }

    /// Longley's StRD file with its model line replaced by `model`.
    static func strd(model: String) -> [UInt8] {
        let text = """
            Dataset Name:  Broken
            Model:         Linear Class
                           \(model)
            Certified Regression Statistics
                      Parameter          Standard Deviation
                B0   -0.262323073774029E+00   0.232818234301152E+00
                B1    0.100211681802045E+01   0.429796848199937E-03
            Residual
            Standard Deviation   0.884796396144373E+00
            Data:       y          x
                       0.1         0.2
                       338.8       337.4
                       118.1       118.2
            """
        return bytes(text.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    // MARK: - 1. Traps

    static var traps: [Case] {
        [
            Case(category: 1, executable: "exercise4", arguments: ["--noise", "0", "--sizes", "5"],
                 outcome: .succeeds(["noise"])),
            Case(category: 1, executable: "exercise3", arguments: ["--data", "model.dat"],
                 files: ["model.dat": strd(model: "y = B0 + + B1*x + e")], outcome: .refused(["empty term"])),
            Case(category: 1, executable: "exercise3", arguments: ["--data", "model.dat"],
                 files: ["model.dat": strd(model: "y = * + B1*x + e")], outcome: .refused(["model"])),
            Case(category: 1, executable: "exercise1", arguments: ["--data", "million.csv"],
                 files: ["million.csv": wideCSV(rows: 2, columns: 200_000)], outcome: .refused(["200000 numeric columns"])),
            Case(category: 1, executable: "exercise2", arguments: ["--image", "header.png"],
                 files: ["header.png": Array(png(width: 4, height: 4).prefix(40))], outcome: .refused(["header.png"])),
            Case(category: 1, executable: "exercise2", arguments: ["--image", "huge.pgm"],
                 files: ["huge.pgm": bytes("P5 100000000 100000000 255\n")], outcome: .refused(["invalid image size"])),
            Case(category: 1, executable: "exercise2", arguments: ["--image", "digits.pgm"],
                 files: ["digits.pgm": bytes("P5 99999999999999999999 1 255\n")], outcome: .refused(["too many digits"])),
        ]
    }

    // MARK: - 2. Unbounded work and memory

    static var unboundedWork: [Case] {
        [
            Case(category: 2, executable: "exercise1", arguments: ["--data", "wide.csv"],
                 files: ["wide.csv": wideCSV(rows: 5, columns: 2000)], outcome: .refused(["at most 100"])),
            Case(category: 2, executable: "exercise1", arguments: ["--data", "wide.csv"],
                 files: ["wide.csv": wideCSV(rows: 3, columns: 30000)], outcome: .refused(["at most 100"])),
            Case(category: 2, executable: "exercise2", arguments: ["--image", "large.png"],
                 files: ["large.png": png(width: 4096, height: 4096, value: 9)], outcome: .refused(["resize"])),
            Case(category: 2, executable: "svd", arguments: ["/dev/zero"], outcome: .refused(["MiB"])),
            Case(category: 2, executable: "svd", arguments: ["-"], standardInput: "/dev/zero", outcome: .refused(["standard input", "MiB"])),
            Case(category: 2, executable: "svd", arguments: ["--full", "wide.txt"],
                 files: ["wide.txt": bytes(String(repeating: "1 ", count: 1_000_000) + "\n" + String(repeating: "2 ", count: 1_000_000))],
                 outcome: .refused(["--full", "GB"])),
            Case(category: 2, executable: "exercise5", arguments: ["--size", "100000"], outcome: .refused(["--size"])),
            Case(category: 2, executable: "exercise4", arguments: ["--sizes", "1000000"], outcome: .refused(["--sizes"])),
        ]
    }

    // MARK: - 3. Shell commands through gnuplot (payloads that would create ran-* files)

    static var shellCommands: [Case] {
        let payload = "a`touch ran-header`b"
        let strdName = String(decoding: strd(model: "y = B0 + B1*x + e"), as: UTF8.self)
            .replacingOccurrences(of: "Broken", with: "N`touch ran-name`")
        return [
            Case(category: 3, executable: "exercise1", arguments: ["--data", "x.csv", "--label", "k`touch ran-label`"],
                 files: ["x.csv": bytes("\(payload),y,k`touch ran-label`\n1,2,`touch ran-class`\n3,5,b\n4,4,b\n")],
                 outcome: .succeeds(["PC"])),
            Case(category: 3, executable: "exercise3", arguments: ["--data", "x.csv", "--degree", "1"],
                 files: ["x.csv": bytes("\(payload),y`touch ran-y`\n1,2\n2,3.5\n3,4\n")], outcome: .succeeds(["B1"])),
            Case(category: 3, executable: "exercise3", arguments: ["--data", "n.dat"],
                 files: ["n.dat": bytes(strdName)], outcome: .succeeds(["B1"])),
        ]
    }

    // MARK: - 4. Files that are not regular

    static var nonRegularFiles: [Case] {
        var cases: [Case] = []
        for (executable, option) in [("svd", nil), ("exercise1", "--data"), ("exercise2", "--image"), ("exercise3", "--data")] {
            let file = executable == "exercise1" ? "pipe.csv" : "pipe"
            let arguments = (option.map { [$0] } ?? []) + [file]
            cases.append(Case(category: 4, executable: executable, arguments: arguments, fifo: file,
                              outcome: .refused(["named pipe", "no writer"])))
            cases.append(Case(category: 4, executable: executable, arguments: (option.map { [$0] } ?? []) + ["loop-a"],
                              outcome: .refused(["loop of symbolic links"])))
            cases.append(Case(category: 4, executable: executable, arguments: (option.map { [$0] } ?? []) + ["."],
                              outcome: .refused(["directory"])))
        }
        cases.append(Case(category: 4, executable: "svd", arguments: ["/dev/stdin"], files: ["m.txt": bytes("3 0\n0 4\n")],
                          standardInput: "m.txt", outcome: .succeeds(["σ1 = 4"])))
        cases.append(Case(category: 4, executable: "exercise1", arguments: ["--data", "/dev/stdin"],
                          files: ["m.csv": bytes("a,b\n1,2\n3,5\n4,4\n")], standardInput: "m.csv", outcome: .succeeds(["PC"])))
        return cases
    }

    // MARK: - 5. The edges of Double (outside the SVD core)

    static var edgesOfDouble: [Case] {
        [
            Case(category: 5, executable: "exercise0", arguments: ["--matrix", "1e-310 0; 0 1e-310", "--no-plots"],
                 outcome: .succeeds(["both hold"])),
            Case(category: 5, executable: "exercise0", arguments: ["--matrix", "1e-315 2e-315; 3e-315 4e-315", "--no-plots"],
                 outcome: .succeeds(["both hold"])),
            Case(category: 5, executable: "exercise3", arguments: ["--data", "big.csv", "--degree", "1"],
                 files: ["big.csv": bytes("x,y\n1,1e308\n2,-1e308\n3,1e308\n4,-1e308\n")], outcome: .refused(["overflows"])),
            Case(category: 5, executable: "exercise1", arguments: ["--data", "big.csv"],
                 files: ["big.csv": bytes("a,b\n1e308,1\n-1e308,2\n1e308,4\n")], outcome: .refused(["range of a Double"])),
        ]
    }

    // MARK: - 6. Text formats

    static var textFormats: [Case] {
        [
            Case(category: 6, executable: "svd", arguments: ["crlf.txt"], files: ["crlf.txt": bytes("3 0\r\n0 4\r\n")],
                 outcome: .succeeds(["2×2", "σ1 = 4"])),
            Case(category: 6, executable: "svd", arguments: ["cr.txt"], files: ["cr.txt": bytes("3 0\r0 4\r")],
                 outcome: .succeeds(["2×2", "σ1 = 4"])),
            Case(category: 6, executable: "svd", arguments: ["gap.txt"], files: ["gap.txt": bytes("1,,3\n4,5,6\n")],
                 outcome: .refused(["line 1", "empty field"])),
            Case(category: 6, executable: "svd", arguments: ["cr-in-field.txt"], files: ["cr-in-field.txt": bytes("1 x\r2\n")],
                 outcome: .refused(["line 1"])),
            Case(category: 6, executable: "svd", arguments: ["long.txt"],
                 files: ["long.txt": bytes("1 " + String(repeating: "x", count: 1_000_000) + "\n")], outcome: .refused(["characters]"])),
            Case(category: 6, executable: "exercise1", arguments: ["--data", "crlf.csv"],
                 files: ["crlf.csv": bytes("a,b\r\n1,2\r\n3,5\r\n4,4\r\n")], outcome: .succeeds(["PC"])),
            Case(category: 6, executable: "exercise1", arguments: ["--data", "gap.csv"],
                 files: ["gap.csv": bytes("a,b,c\n1,,3\n4,5,6\n7,8,8\n")], outcome: .refused(["line 2", "missing"])),
            Case(category: 6, executable: "exercise3", arguments: ["--data", "crlf.csv", "--degree", "1"],
                 files: ["crlf.csv": bytes("x,y\r\n1,2\r\n2,3.5\r\n3,4\r\n")], outcome: .succeeds(["B1"])),
            Case(category: 6, executable: "exercise3", arguments: ["--data", "gap.csv", "--degree", "1"],
                 files: ["gap.csv": bytes("x,y\n1,\n2,3.5\n3,4\n")], outcome: .refused(["line 2"])),
            Case(category: 6, executable: "exercise0", arguments: ["--matrix", "1 2\r; 3 4", "--no-plots"],
                 outcome: .succeeds(["σ₁"])),
        ] + regressionCSV
    }

    /// `exercise3 --data FILE --response COLUMN`: a CSV with a header row, several predictors.
    static var regressionCSV: [Case] {
        func run(_ file: String, _ text: String, response: String = "y", _ outcome: HostileInputTests.Outcome) -> Case {
            Case(category: 6, executable: "exercise3", arguments: ["--data", file, "--response", response],
                 files: [file: bytes(text)], outcome: outcome)
        }
        return [
            run("absent.csv", "a,b,c\n1,2,3\n4,5,6\n2,2,9\n", response: "z", .refused(["no column 'z'", "a, b, c"])),
            run("twice.csv", "y,a,a\n1,2,3\n4,5,6\n2,2,9\n", .refused(["line 1", "two columns are named 'a'"])),
            run("names.csv", "y,country,x\n1,France,2\n2,Chile,3\n4,Peru,3\n", .refused(["column 'country' is not numeric"])),
            run("nan.csv", "y,x,z\n1,2,3\n2,nan,4\n3,5,1\n4,2,2\n", .refused(["line 3, column 'x'", "'nan'"])),
            run("inf.csv", "y,x,z\n1,2,3\n2,4,-inf\n3,5,1\n4,2,2\n", .refused(["line 3, column 'z'", "'-inf'"])),
            run("empty-cell.csv", "y,x,z\n1,2,3\n2,,4\n3,5,1\n", .refused(["line 3, column 'x'"])),
            run("ragged.csv", "y,x,z\n1,2,3\n2,4\n3,5,1\n", .refused(["line 3", "2 fields, expected 3"])),
            run("no-header.csv", "1,2,3\n4,5,6\n", .refused(["header row"])),
            run("wide.csv", String(decoding: wideCSV(rows: 2, columns: 200_000), as: UTF8.self), response: "c0",
                .refused(["200000 parameters", "at most 100"])),
            run("big.csv", "y,x\n1e308,1\n-1e308,2\n1e308,3\n-1e308,4\n", .refused(["overflows"])),
            run("short.csv", "y,a,b,c\n1,2,3,4\n2,1,0,5\n", .succeeds(["minimum-norm", "2 observations for 4 parameters"])),
            Case(category: 2, executable: "exercise3", arguments: ["--data", "/dev/zero", "--response", "y"],
                 outcome: .refused(["/dev/zero", "MiB"])),
        ]
    }

    // MARK: - 7. Degenerate but valid data: a figure, and exit 0

    static var degenerateData: [Case] {
        [
            Case(category: 7, executable: "exercise2", arguments: ["--image", "black.png"],
                 files: ["black.png": png(width: 32, height: 32, value: 0)], outcome: .succeeds(["Wrote"])),
            Case(category: 7, executable: "exercise2", arguments: ["--image", "gray.png"],
                 files: ["gray.png": png(width: 32, height: 32, value: 128)], outcome: .succeeds(["Wrote"])),
            Case(category: 7, executable: "exercise2", arguments: ["--image", "dot.png"],
                 files: ["dot.png": png(width: 1, height: 1, value: 7)], outcome: .succeeds(["Wrote"])),
            Case(category: 7, executable: "exercise2", arguments: ["--image", "line.png"],
                 files: ["line.png": png(width: 5000, height: 1, value: 9)], outcome: .succeeds(["Wrote"])),
            Case(category: 7, executable: "exercise3", arguments: ["--data", "exact.csv", "--degree", "1"],
                 files: ["exact.csv": bytes("x,y\n1,2\n2,4\n3,6\n")], outcome: .succeeds(["Wrote"])),
            Case(category: 7, executable: "exercise1", arguments: ["--data", "one.csv"],
                 files: ["one.csv": bytes("only\n1\n2\n3\n")], outcome: .succeeds(["Wrote"])),
        ]
    }

    // MARK: - 8. Output errors: standard output on a full disk

    static var outputErrors: [Case] {
        let small: [String: [String]] = [
            "svd": ["m.txt"], "exercise0": ["--no-plots"], "exercise1": ["--no-plots"], "exercise2": ["--no-plots", "--ranks", "1"],
            "exercise3": ["--no-plots"], "exercise4": ["--no-plots", "--sizes", "5"],
            "exercise5": ["--no-plots", "--size", "64", "--ranks", "2", "--repeats", "1"],
        ]
        return small.keys.sorted().map { name in
            Case(category: 8, executable: name, arguments: small[name]!, files: ["m.txt": bytes("1 2\n3 4\n")],
                 standardOutput: "/dev/full", outcome: .refused(["standard output"]))
        } + [Case(category: 8, executable: "exercise2", arguments: ["--help"], standardOutput: "/dev/full",
                  outcome: .refused(["standard output"]))]
    }

    // MARK: - 9. Messages that name the real problem

    static var misleadingMessages: [Case] {
        var cases: [Case] = [
            Case(category: 9, executable: "exercise2", arguments: ["--ranks", "-1"], outcome: .refused(["rank -1"])),
            Case(category: 9, executable: "exercise4", arguments: ["--noise", "-1"], outcome: .refused(["--noise", "-1"])),
            Case(category: 9, executable: "exercise5", arguments: ["--size", "-5"], outcome: .refused(["--size", "-5"])),
            Case(category: 9, executable: "exercise1", arguments: ["--components", "-2"], outcome: .refused(["--components", "-2"])),
            Case(category: 9, executable: "svd", arguments: ["--rank-tolerance", "-1", "m.txt"], files: ["m.txt": bytes("1\n")],
                 outcome: .refused(["--rank-tolerance", "-1"])),
            Case(category: 9, executable: "exercise2", arguments: ["--image", "zero.pgm"], files: ["zero.pgm": bytes("P2 2 2 0 0 0 0 0\n")],
                 outcome: .refused(["maxval 0"])),
            Case(category: 9, executable: "exercise1", arguments: ["--data", "one.csv", "--no-plots"],
                 files: ["one.csv": bytes("only\n1\n2\n3\n")], outcome: .succeeds(["PC"])),
            Case(category: 9, executable: "exercise0", arguments: ["--no-plots", "--matrix"], rawArguments: "\"$(printf '1 2; 3 4\\377')\"",
                 outcome: .refused(["not valid UTF-8"])),
            Case(category: 9, executable: "exercise3", arguments: ["--no-plots", "--plots-dir"], rawArguments: "\"$(printf 'plots\\377')\"",
                 outcome: .refused(["not valid UTF-8"])),
        ]
        // An unknown option: one line, not the usage block.
        for name in ["svd"] + exercises {
            cases.append(Case(category: 9, executable: name, arguments: ["--no-such-option"], outcome: .refused(["--no-such-option", "--help"])))
        }
        return cases
    }
}
