/// A parser for crush map text that accepts exactly what crushtool 16.2.15's Boost.Spirit
/// (classic) grammar accepts (src/crush/grammar.h, Pacific) and stops where it stops.
///
/// Spirit classic parses like a PEG: sequences, ordered choices, greedy repetitions that give
/// back a failed attempt whole, and a skipper that eats white space before every literal and
/// every lexeme (`name`, integers, `real_p`). Literals are not keywords: `str_p("choose")` also
/// matches the start of `chooseleaf`, and the grammar relies on backtracking to sort it out.
/// The whole map is
///
///     *(tunable | device | type) >> *(bucket | rule) >> *choose_args
///
/// so parsing always succeeds on some prefix; crushtool reports an error when that prefix is
/// not the whole text, at the position right after the last complete statement.
struct TextParser {
    let s: [UInt8]
    var pos = 0
    /// The farthest position where a literal or lexeme failed to match, and what was expected.
    private(set) var farthest = -1
    private(set) var expected: [String] = []

    init(_ bytes: [UInt8]) {
        self.s = bytes
    }

    /// Parses the whole map; returns the statements and where parsing stopped.
    mutating func parseMap() -> (statements: [TextStatement], stop: Int) {
        var out: [TextStatement] = []
        while true {
            let save = pos
            if let t = tunable() { out.append(t); continue }
            pos = save
            if let d = device() { out.append(d); continue }
            pos = save
            if let t = bucketType() { out.append(t); continue }
            pos = save
            break
        }
        while true {
            let save = pos
            if let b = bucket() { out.append(.bucket(b)); continue }
            pos = save
            if let r = rule() { out.append(.rule(r)); continue }
            pos = save
            break
        }
        while true {
            let save = pos
            if let c = chooseArgs() { out.append(.chooseArgs(c)); continue }
            pos = save
            break
        }
        return (out, pos)
    }

    // MARK: - Statements

    mutating func tunable() -> TextStatement? {
        guard let k = literal("tunable"), let n = name(), let v = posint() else { return nil }
        return .tunable(keyword: k, name: n, value: v)
    }

    mutating func device() -> TextStatement? {
        guard let k = literal("device"), let i = posint(), let n = name() else { return nil }
        var className: TextToken?
        let save = pos
        if literal("class") != nil, let c = name() {
            className = c
        } else {
            pos = save
        }
        return .device(keyword: k, id: i, name: n, className: className)
    }

    mutating func bucketType() -> TextStatement? {
        guard let k = literal("type"), let i = posint(), let n = name() else { return nil }
        return .type(keyword: k, id: i, name: n)
    }

    mutating func bucket() -> TextBucket? {
        guard let typeName = name(), let bucketName = name(), character("{") != nil else { return nil }
        var ids: [TextBucket.ID] = []
        while true {
            let save = pos
            guard let k = literal("id"), let v = negint() else {
                pos = save
                break
            }
            var className: TextToken?
            let save2 = pos
            if literal("class") != nil, let c = name() {
                className = c
            } else {
                pos = save2
            }
            ids.append(.init(keyword: k, id: v, className: className))
        }
        guard let algKeyword = literal("alg"), let alg = name() else { return nil }
        var hashes: [TextToken] = []
        while true {
            let save = pos
            guard literal("hash") != nil else {
                pos = save
                break
            }
            let save2 = pos
            if let v = integer() {
                hashes.append(v)
                continue
            }
            pos = save2
            if let v = literal("rjenkins1") {
                hashes.append(v)
                continue
            }
            pos = save
            break
        }
        var items: [TextBucket.Item] = []
        while true {
            let save = pos
            guard let k = literal("item"), let n = name() else {
                pos = save
                break
            }
            var weight: TextToken?
            let save2 = pos
            if literal("weight") != nil, let w = real() {
                weight = w
            } else {
                pos = save2
            }
            var position: TextToken?
            let save3 = pos
            if literal("pos") != nil, let p = posint() {
                position = p
            } else {
                pos = save3
            }
            items.append(.init(keyword: k, name: n, weight: weight, pos: position))
        }
        guard character("}") != nil else { return nil }
        return TextBucket(
            typeName: typeName, name: bucketName, ids: ids, algKeyword: algKeyword, alg: alg,
            hashes: hashes, items: items)
    }

    mutating func rule() -> TextRule? {
        guard let k = literal("rule") else { return nil }
        var ruleName: TextToken?
        let save = pos
        if let n = name() { ruleName = n } else { pos = save }
        guard character("{") != nil else { return nil }
        let save2 = pos
        if literal("id") == nil {
            pos = save2
            guard literal("ruleset") != nil else { return nil }
        }
        guard let id = posint(), literal("type") != nil else { return nil }
        var type: TextToken?
        let save3 = pos
        if let t = literal("replicated") {
            type = t
        } else {
            pos = save3
            type = literal("erasure")
        }
        guard let type, literal("min_size") != nil, let minSize = posint(),
            literal("max_size") != nil, let maxSize = posint()
        else { return nil }
        var steps: [TextStep] = []
        while true {
            let save = pos
            if let st = step() {
                steps.append(st)
            } else {
                pos = save
                break
            }
        }
        guard !steps.isEmpty, character("}") != nil else { return nil }
        return TextRule(keyword: k, name: ruleName, id: id, type: type, minSize: minSize, maxSize: maxSize, steps: steps)
    }

    mutating func step() -> TextStep? {
        guard literal("step") != nil else { return nil }
        let start = pos
        // take
        if let k = literal("take"), let item = name() {
            var className: TextToken?
            let save = pos
            if literal("class") != nil, let c = name() { className = c } else { pos = save }
            return .take(keyword: k, item: item, className: className)
        }
        pos = start
        let setters: [(String, RuleOp)] = [
            ("set_choose_tries", .setChooseTries),
            ("set_choose_local_tries", .setChooseLocalTries),
            ("set_choose_local_fallback_tries", .setChooseLocalFallbackTries),
            ("set_chooseleaf_tries", .setChooseLeafTries),
            ("set_chooseleaf_vary_r", .setChooseLeafVaryR),
            ("set_chooseleaf_stable", .setChooseLeafStable),
        ]
        for (word, op) in setters {
            if let k = literal(word), let v = posint() {
                return .set(op: op, keyword: k, value: v)
            }
            pos = start
        }
        for (word, leaf) in [("choose", false), ("chooseleaf", true)] {
            if let k = literal(word) {
                var mode: TextToken?
                let save = pos
                if let m = literal("indep") { mode = m } else {
                    pos = save
                    mode = literal("firstn")
                }
                if let mode, let count = integer(), literal("type") != nil, let type = name() {
                    return .choose(keyword: k, leaf: leaf, mode: mode, count: count, type: type)
                }
            }
            pos = start
        }
        if let k = literal("emit") { return .emit(keyword: k) }
        pos = start
        return nil
    }

    mutating func chooseArgs() -> TextChooseArgs? {
        guard let k = literal("choose_args"), let index = posint(), literal("{") != nil else { return nil }
        var args: [TextChooseArgs.Arg] = []
        while true {
            let save = pos
            if let a = chooseArg() { args.append(a) } else {
                pos = save
                break
            }
        }
        guard literal("}") != nil else { return nil }
        return TextChooseArgs(keyword: k, index: index, args: args)
    }

    mutating func chooseArg() -> TextChooseArgs.Arg? {
        guard let open = literal("{"), literal("bucket_id") != nil, let bucketID = negint() else { return nil }
        var weightSet: [[TextToken]]?
        let save = pos
        if let ws = weightSetBlock() { weightSet = ws } else { pos = save }
        var ids: [TextToken]?
        let save2 = pos
        if let list = idsBlock() { ids = list } else { pos = save2 }
        guard literal("}") != nil else { return nil }
        return .init(open: open, bucketID: bucketID, weightSet: weightSet, ids: ids)
    }

    mutating func weightSetBlock() -> [[TextToken]]? {
        guard literal("weight_set") != nil, literal("[") != nil else { return nil }
        var positions: [[TextToken]] = []
        while true {
            let save = pos
            guard literal("[") != nil else {
                pos = save
                break
            }
            var weights: [TextToken] = []
            while true {
                let save2 = pos
                if let w = real() { weights.append(w) } else {
                    pos = save2
                    break
                }
            }
            guard literal("]") != nil else {
                pos = save
                break
            }
            positions.append(weights)
        }
        guard literal("]") != nil else { return nil }
        return positions
    }

    mutating func idsBlock() -> [TextToken]? {
        guard literal("ids") != nil, literal("[") != nil else { return nil }
        var ids: [TextToken] = []
        while true {
            let save = pos
            if let i = integer() { ids.append(i) } else {
                pos = save
                break
            }
        }
        guard literal("]") != nil else { return nil }
        return ids
    }

    // MARK: - Primitives (each skips white space first)

    private mutating func skip() {
        while pos < s.count && TextSource.isSpace(s[pos]) { pos += 1 }
    }

    private mutating func fail(_ what: String) {
        if pos > farthest {
            farthest = pos
            expected = [what]
        } else if pos == farthest, !expected.contains(what) {
            expected.append(what)
        }
    }

    private func token(_ start: Int, _ end: Int) -> TextToken {
        TextToken(start: start, end: end, text: String(decoding: s[start..<end], as: UTF8.self))
    }

    /// `str_p(word)`: the bytes of `word`, contiguous.
    mutating func literal(_ word: String) -> TextToken? {
        skip()
        let start = pos
        for b in word.utf8 {
            guard pos < s.count, s[pos] == b else {
                pos = start
                fail("'\(word)'")
                return nil
            }
            pos += 1
        }
        return token(start, pos)
    }

    /// `ch_p(c)`.
    mutating func character(_ c: Character) -> TextToken? {
        literal(String(c))
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isNameByte(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
            || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") || c == UInt8(ascii: ".")
    }

    /// `name`: one or more of `[A-Za-z0-9._-]`.
    mutating func name() -> TextToken? {
        skip()
        let start = pos
        while pos < s.count && Self.isNameByte(s[pos]) { pos += 1 }
        guard pos > start else {
            fail("a name")
            return nil
        }
        return token(start, pos)
    }

    private mutating func digits() -> Bool {
        let start = pos
        while pos < s.count && Self.isDigit(s[pos]) { pos += 1 }
        return pos > start
    }

    /// `posint`: digits.
    mutating func posint() -> TextToken? {
        skip()
        let start = pos
        guard digits() else {
            fail("a non-negative integer")
            return nil
        }
        return token(start, pos)
    }

    /// `negint`: `-` then digits.
    mutating func negint() -> TextToken? {
        skip()
        let start = pos
        guard pos < s.count, s[pos] == UInt8(ascii: "-") else {
            fail("a negative integer")
            return nil
        }
        pos += 1
        guard digits() else {
            pos = start
            fail("a negative integer")
            return nil
        }
        return token(start, pos)
    }

    /// `integer`: optional `-` then digits.
    mutating func integer() -> TextToken? {
        skip()
        let start = pos
        if pos < s.count, s[pos] == UInt8(ascii: "-") { pos += 1 }
        guard digits() else {
            pos = start
            fail("an integer")
            return nil
        }
        return token(start, pos)
    }

    /// `real_p` (Spirit classic `real_parser<double>`): optional sign, digits, optional `.`
    /// and fraction (a leading or trailing dot is fine, a lone dot is not), optional exponent
    /// `e`/`E` with a signed integer that must fit an `int`. The digit runs accumulate into a
    /// `double` and fail on overflow, as Spirit's `uint_parser<double>` does.
    mutating func real() -> TextToken? {
        skip()
        let start = pos
        func noMatch() -> TextToken? {
            pos = start
            fail("a number")
            return nil
        }
        if pos < s.count, s[pos] == UInt8(ascii: "-") || s[pos] == UInt8(ascii: "+") { pos += 1 }
        var gotNumber = false
        if let ok = accumulateDigits() {
            guard ok else { return noMatch() }
            gotNumber = true
        }
        var exponentHit = false
        if pos < s.count, s[pos] == UInt8(ascii: ".") {
            pos += 1
            if let ok = accumulateDigits() {
                guard ok else { return noMatch() }
                gotNumber = true
            } else if !gotNumber {
                return noMatch()
            }
            exponentHit = exponentPrefix()
        } else {
            guard gotNumber else { return noMatch() }
            exponentHit = exponentPrefix()
        }
        if exponentHit {
            guard exponentDigits() else { return noMatch() }
        }
        return token(start, pos)
    }

    /// Digits accumulated as Spirit's `positive_accumulate<double, 10>`: nil if there are no
    /// digits, false if the value overflows a double.
    private mutating func accumulateDigits() -> Bool? {
        let start = pos
        var n = 0.0
        let maxValue = Double.greatestFiniteMagnitude
        let maxDivRadix = maxValue / 10
        while pos < s.count && Self.isDigit(s[pos]) {
            let digit = Double(s[pos] - 0x30)
            if n > maxDivRadix { return false }
            n *= 10
            if n > maxValue - digit { return false }
            n += digit
            pos += 1
        }
        return pos > start ? true : nil
    }

    private mutating func exponentPrefix() -> Bool {
        if pos < s.count, s[pos] == UInt8(ascii: "e") || s[pos] == UInt8(ascii: "E") {
            pos += 1
            return true
        }
        return false
    }

    /// Spirit's `int_parser<int>`: optional sign, digits, no overflow of a 32-bit int.
    private mutating func exponentDigits() -> Bool {
        var negative = false
        if pos < s.count, s[pos] == UInt8(ascii: "-") || s[pos] == UInt8(ascii: "+") {
            negative = s[pos] == UInt8(ascii: "-")
            pos += 1
        }
        let start = pos
        var n: Int64 = 0
        while pos < s.count && Self.isDigit(s[pos]) {
            n = n * 10 + Int64(s[pos] - 0x30)
            if negative ? (-n < Int64(Int32.min)) : (n > Int64(Int32.max)) { return false }
            pos += 1
        }
        return pos > start
    }
}
