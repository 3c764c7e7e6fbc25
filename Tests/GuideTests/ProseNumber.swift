import Foundation

/// A number as a guide writes it in prose — `6.5`, `−41.44`, `4.9·10⁹`, `1.3e-15`, `10⁶`,
/// `16 722`, `92.5 %`, `24×` — and what it claims: that some printed value, rounded to the digits
/// written, is this number.
///
/// The digits written set the precision: `6.5` stands for every value in [6.45, 6.55], `4.9·10⁹`
/// for [4.85·10⁹, 4.95·10⁹], `24` for [23.5, 24.5] (half a unit of the last written place either
/// side, both ends included, so a value exactly halfway rounds either way); a bare power of ten,
/// `10⁻¹⁵`, states an order of magnitude and stands for [10^−15.5, 10^−14.5]. A trailing `%` reads
/// the printed value as a fraction or as a percentage (`92.5 %` matches 0.9246 and 92.46); a
/// trailing `×` is only the prose's way of writing a ratio.
struct ProseNumber: Equatable, Sendable {
    /// The text as the prose writes it (what must appear in the paragraph).
    let text: String
    let value: Double
    /// Half a unit of the last written place.
    let halfUnit: Double
    let isPercentage: Bool
    /// A bare power of ten (`10⁻¹⁵`): it matches every value whose log₁₀ rounds to its exponent.
    let isOrderOfMagnitude: Bool

    private static let superscripts: [Character: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
        "⁻": "-", "⁺": "+",
    ]

    /// The number written at the start of `text`, and how many characters it takes; nil when
    /// `text` does not start with a number.
    static func leading(_ text: Substring) -> (number: ProseNumber, length: Int)? {
        let characters = Array(text)
        var index = 0
        var sign = 1.0
        if index < characters.count, characters[index] == "-" || characters[index] == "−" {
            sign = -1
            index += 1
        }
        func digits() -> String {
            var found = ""
            while index < characters.count, characters[index].isASCII, characters[index].isNumber {
                found.append(characters[index])
                index += 1
            }
            return found
        }
        var whole = digits()
        guard !whole.isEmpty else { return nil }
        // Groups of three digits after a space: 16 722, 1 638 400.
        let isDigit = { (c: Character) in c.isASCII && c.isNumber }
        while index + 3 < characters.count, [" ", "\u{202F}", "\u{00A0}"].contains(characters[index]),
              characters[(index + 1)...(index + 3)].allSatisfy(isDigit),
              index + 4 == characters.count || !isDigit(characters[index + 4]) {
            whole += String(characters[(index + 1)...(index + 3)])
            index += 4
        }
        var fraction = ""
        if index + 1 < characters.count, characters[index] == ".", characters[index + 1].isASCII, characters[index + 1].isNumber {
            index += 1
            fraction = digits()
        }
        var exponent = 0
        var isOrderOfMagnitude = false
        let afterMantissa = index
        if index + 1 < characters.count, characters[index] == "e" || characters[index] == "E" {
            index += 1
            var exponentText = ""
            if index < characters.count, characters[index] == "-" || characters[index] == "+" {
                exponentText.append(characters[index])
                index += 1
            }
            let exponentDigits = digits()
            if exponentDigits.isEmpty { index = afterMantissa } else { exponent = Int(exponentText + exponentDigits) ?? 0 }
        } else if index + 2 < characters.count, characters[index] == "·",
                  characters[index + 1] == "1", characters[index + 2] == "0" {
            index += 3
            let exponentText = superscriptRun(characters, &index)
            if let parsed = Int(exponentText) { exponent = parsed } else { index = afterMantissa }
        } else if whole == "10", fraction.isEmpty, index < characters.count, superscripts[characters[index]] != nil {
            // A bare power of ten, 10⁶, states an order of magnitude.
            let exponentText = superscriptRun(characters, &index)
            if let parsed = Int(exponentText) {
                whole = "1"
                exponent = parsed
                isOrderOfMagnitude = true
            } else {
                index = afterMantissa
            }
        }
        guard let mantissa = Double(whole + (fraction.isEmpty ? "" : "." + fraction)) else { return nil }
        var isPercentage = false
        var end = index
        var probe = index
        if probe < characters.count, characters[probe] == " " { probe += 1 }
        if probe < characters.count, characters[probe] == "%" {
            isPercentage = true
            end = probe + 1
        } else if index < characters.count, characters[index] == "×" {
            end = index + 1
        }
        let scale = pow(10, Double(exponent))
        let number = ProseNumber(text: String(characters[0..<end]), value: sign * mantissa * scale,
                                 halfUnit: 0.5 * pow(10, Double(exponent - fraction.count)),
                                 isPercentage: isPercentage, isOrderOfMagnitude: isOrderOfMagnitude)
        return (number, end)
    }

    private static func superscriptRun(_ characters: [Character], _ index: inout Int) -> String {
        var found = ""
        while index < characters.count, let plain = superscripts[characters[index]] {
            found.append(plain)
            index += 1
        }
        return found
    }

    /// `text` as one number, nothing before or after it; nil otherwise.
    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let (number, length) = Self.leading(Substring(trimmed)), length == trimmed.count else { return nil }
        self = number
    }

    private init(text: String, value: Double, halfUnit: Double, isPercentage: Bool, isOrderOfMagnitude: Bool) {
        self.text = text
        self.value = value
        self.halfUnit = halfUnit
        self.isPercentage = isPercentage
        self.isOrderOfMagnitude = isOrderOfMagnitude
    }

    /// Whether `printed`, rounded to the digits this number writes, is this number.
    func isRounding(of printed: Double) -> Bool {
        let candidates = isPercentage ? [printed, 100 * printed] : [printed]
        if isOrderOfMagnitude {
            return candidates.contains { $0 * value > 0 && abs(log10($0 / value)) <= 0.5 }
        }
        return candidates.contains { abs($0 - value) <= halfUnit * (1 + 1e-9) }
    }

    /// Every number in a line of a program's output, left to right (digit groups are read both
    /// as one number and as separate ones, since a table may separate columns by one space).
    static func numbers(in line: String) -> [Double] {
        var found: [Double] = []
        var rest = Substring(line)
        var previous: Character? = nil
        while let first = rest.first {
            let startsNumber = first.isASCII && first.isNumber || (first == "-" || first == "−")
            let continuesWord = previous.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") } ?? false
            if startsNumber, !continuesWord, let (number, length) = leading(rest) {
                found.append(number.value)
                if number.text.contains(" ") {
                    for group in number.text.split(separator: " ") {
                        if let single = leading(group) { found.append(single.number.value) }
                    }
                }
                let consumed = rest.prefix(length)
                previous = consumed.last
                rest = rest.dropFirst(max(length, 1))
            } else {
                previous = first
                rest = rest.dropFirst()
            }
        }
        return found
    }

    /// Where this number is written in `text` as a whole number (not inside a longer one).
    func occurs(in text: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let range = text.range(of: self.text, range: searchRange) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            let afterNext = range.upperBound < text.endIndex && text.index(after: range.upperBound) < text.endIndex
                ? text[text.index(after: range.upperBound)] : nil
            let isDigit = { (c: Character?) in c.map { $0.isASCII && $0.isNumber } ?? false }
            let joinedBefore = isDigit(before) || before == "." || before == "·"
            let joinedAfter = isDigit(after) || (after.map { Self.superscripts[$0] != nil } ?? false)
                || ((after == "." || after == "·" || after == "e" || after == "E") && (isDigit(afterNext) || afterNext == "1" || afterNext == "-"))
            if !joinedBefore && !joinedAfter { return true }
            searchRange = range.upperBound..<text.endIndex
        }
        return false
    }
}
