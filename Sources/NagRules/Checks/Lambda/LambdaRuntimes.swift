/// The Lambda runtimes nag knows, and the latest of each language, chosen as cdk-nag chooses it.
enum LambdaRuntimes {
    /// Every runtime of aws-cdk-lib 2.275's `Runtime.ALL`, in its order (the order breaks ties).
    static let all = [
        "nodejs", "nodejs4.3", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x",
        "nodejs18.x", "nodejs20.x", "nodejs24.x", "nodejs22.x", "nodejs24.x",
        "python2.7", "python3.6", "python3.7", "python3.8", "python3.9", "python3.10", "python3.11", "python3.12",
        "python3.13", "python3.14",
        "java8", "java8.al2", "java11", "java17", "java21", "java25", "java8.al2023", "java11.al2023", "java17.al2023",
        "dotnet6", "dotnet8", "dotnet9", "dotnet10", "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1",
        "go1.x", "ruby2.5", "ruby2.7", "ruby3.2", "ruby3.3", "ruby3.4", "ruby4.0",
        "provided", "provided.al2", "provided.al2023",
    ]

    /// The leading lowercase letters of a runtime (`nodejs` of `nodejs20.x`), nil when it starts otherwise.
    static func family(of runtime: String) -> String? {
        let letters = runtime.prefix { $0.isASCII && $0.isLowercase }
        return letters.isEmpty ? nil : String(letters)
    }

    /// The version after the family: digits, then optionally `.digits`, `digits` or `.x` (`20.x`, `3.12`, `8`).
    static func version(of runtime: String) -> String {
        let rest = runtime.dropFirst(family(of: runtime)?.count ?? 0)
        let major = rest.prefix { $0.isASCII && $0.isNumber }
        guard !major.isEmpty else { return "0" }
        let after = rest.dropFirst(major.count)
        if after.hasPrefix(".x") { return String(major) + ".x" }
        if after.hasPrefix("."), let digit = after.dropFirst().first, digit.isASCII, digit.isNumber {
            return String(major) + "." + after.dropFirst().prefix { $0.isASCII && $0.isNumber }
        }
        return String(major)
    }

    /// The latest runtime of each family of ``all``, computed once: the numeric comparison is not free.
    static let latestOfKnownFamilies: [String: String] = Dictionary(
        all.compactMap(family(of:)).compactMap { family in latest(startingWith: family).map { (family, $0) } },
        uniquingKeysWith: { first, _ in first })

    /// The latest runtime whose name starts with `family` (a family of no known runtime is still matched as
    /// a prefix, as cdk-nag does).
    static func latest(of family: String) -> String? {
        latestOfKnownFamilies[family] ?? latest(startingWith: family)
    }

    /// The latest runtime among those whose name starts with `family` (as cdk-nag filters them): highest
    /// version compared numerically, the last listed on a tie.
    static func latest(startingWith family: String) -> String? {
        var best: (runtime: String, version: String)?
        for runtime in all where runtime.hasPrefix(family) {
            let v = version(of: runtime)
            if best == nil || compareNumerically(v, best?.version ?? "") >= 0 { best = (runtime, v) }
        }
        return best?.runtime
    }

    /// Compares like `localeCompare` with `numeric: true`: digit runs as numbers, other text as text.
    static func compareNumerically(_ a: String, _ b: String) -> Int {
        func chunks(_ s: String) -> [(isNumber: Bool, text: String)] {
            var result: [(Bool, String)] = []
            for c in s {
                let digit = c.isASCII && c.isNumber
                if let last = result.last, last.0 == digit { result[result.count - 1].1.append(c) } else { result.append((digit, String(c))) }
            }
            return result
        }
        let x = chunks(a), y = chunks(b)
        for (p, q) in zip(x, y) {
            if p.isNumber && q.isNumber, let m = Int(p.text), let n = Int(q.text), m != n { return m < n ? -1 : 1 }
            if p.text != q.text { return p.text < q.text ? -1 : 1 }
        }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
    }
}
