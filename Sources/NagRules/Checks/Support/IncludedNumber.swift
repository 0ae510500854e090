/// A number-typed property as cdk-nag reads it once the template is included in a CDK app: text is read with
/// JavaScript's `parseFloat` (`"0"` and `" 3 "` are numbers, `"12abc"` is 12), and text that holds no number
/// stays text.
///
/// ```swift
/// let memory = Scalar(resource, "MemorySize", in: context)
/// if IncludedNumber.truthy(memory) == false { … }   // absent, 0, "0" or ""
/// ```
enum IncludedNumber {
    /// The number the property holds (nil when absent, unknown or text that holds no number).
    static func number(_ scalar: Scalar) -> Double? {
        guard let value = scalar.value else { return nil }
        switch value.kind {
        case .number(let text): return Double(text)
        case .string(let text): return parseFloat(text)
        default: return nil
        }
    }

    /// JavaScript truthiness of the property as read: a number is true unless 0, text that holds no number
    /// unless empty, a boolean as it is; false when absent, nil when unknown.
    static func truthy(_ scalar: Scalar) -> Bool? {
        switch scalar {
        case .absent: return false
        case .unknown: return nil
        case .known(let value):
            if let number = number(scalar) { return number != 0 && !number.isNaN }
            if let flag = value.boolValue { return flag }
            return !(value.scalarText ?? "").isEmpty
        }
    }

    /// JavaScript's `parseFloat`: the longest decimal number (or `Infinity`) at the start of `text` after
    /// leading white space; nil where JavaScript gives NaN.
    static func parseFloat(_ text: String) -> Double? {
        let characters = Array(text.drop { $0.isWhitespace })
        var end = 0
        func digits() -> Int {
            let start = end
            while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
            return end - start
        }
        var sign = ""
        if end < characters.count, characters[end] == "+" || characters[end] == "-" {
            sign = characters[end] == "-" ? "-" : ""
            end += 1
        }
        if String(characters[end...].prefix(8)) == "Infinity" { return sign == "-" ? -.infinity : .infinity }
        let mantissaStart = end
        var count = digits()
        if end < characters.count, characters[end] == "." {
            end += 1
            count += digits()
        }
        guard count > 0 else { return nil }
        var last = end
        if end < characters.count, characters[end] == "e" || characters[end] == "E" {
            end += 1
            if end < characters.count, characters[end] == "+" || characters[end] == "-" { end += 1 }
            if digits() > 0 { last = end }
        }
        // Only digits, a point and an exponent remain, which Swift reads as JavaScript does ("1.", ".5").
        return Double(sign + String(characters[mantissaStart..<last]))
    }
}
