/// A minimal JSON value with a fixed key order and numbers that round-trip.
///
/// Foundation's `JSONEncoder` neither keeps key order nor promises the shortest round-trip form
/// of every floating-point type (Float80 in particular), and the `--json` outputs of this suite
/// are a contract other tools rely on. Swift's own `description` of `Float`, `Double` and
/// `Float80` is the shortest decimal that reads back to the same value, which is what we print.
public indirect enum JSON: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number already rendered as JSON text.
    case number(String)
    /// A string, escaped when rendered.
    case string(String)
    /// An array of values.
    case array([JSON])
    /// Keys in the order given.
    case object([(String, JSON)])

    /// Whether two values render as the same JSON text.
    ///
    /// - Parameters:
    ///   - lhs: a value.
    ///   - rhs: another value.
    /// - Returns: `true` when their compact renderings are equal.
    public static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.rendered() == rhs.rendered() }

    /// A floating-point number with round-trip digits; NaN and ±∞ (not JSON) become `null`.
    ///
    /// - Parameter value: the number.
    /// - Returns: the shortest decimal that reads back as `value`, or `null`.
    public static func number<T: BinaryFloatingPoint & LosslessStringConvertible>(_ value: T) -> JSON {
        guard value.isFinite else { return .null }
        var text = value.description
        // Swift writes "1e-05" and "5e+20", which JSON accepts; it never writes "inf" for finite values.
        if text.hasPrefix(".") { text = "0" + text }
        return .number(text)
    }

    /// An integer.
    ///
    /// - Parameter value: the integer.
    /// - Returns: its decimal digits as a JSON number.
    public static func number(_ value: Int) -> JSON { .number(String(value)) }

    /// An array of floating-point numbers.
    ///
    /// - Parameter values: the numbers.
    /// - Returns: an array of numbers, each as `JSON.number(_:)` writes it.
    public static func numbers<T: BinaryFloatingPoint & LosslessStringConvertible>(_ values: [T]) -> JSON {
        .array(values.map { JSON.number($0) })
    }

    /// The JSON text; `pretty` indents nested containers by two spaces, keeping arrays of
    /// numbers on one line so that matrices stay readable.
    ///
    /// - Parameter pretty: whether to indent; compact on one line by default.
    /// - Returns: the JSON text.
    public func rendered(pretty: Bool = false) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(text): out += text
        case let .string(s): out += JSON.quoted(s)
        case let .array(items):
            let flat = !pretty || items.allSatisfy { if case .number = $0 { return true }; if case .null = $0 { return true }; return false }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += flat ? (pretty ? ", " : ",") : "," }
                if !flat { out += "\n" + String(repeating: "  ", count: indent + 1) }
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if !flat && !items.isEmpty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case let .object(members):
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                out += JSON.quoted(key) + (pretty ? ": " : ":")
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty && !members.isEmpty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    private static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
